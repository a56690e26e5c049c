package org.sealmail.cli.interop;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Skips a test, saying which Debian package to install, when a program is not on PATH. */
final class RequiredTool {

    private RequiredTool() {
    }

    static void assumeOnPath(String program, String debianPackage) {
        Assumptions.assumeTrue(isOnPath(program),
                () -> program + " is not on PATH; install the Debian package " + debianPackage
                        + " (apt-get install " + debianPackage + ") to run this interop test");
    }

    static boolean isOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
