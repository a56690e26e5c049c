package org.sealmail.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's testdata/ folder and the shared vectors, whatever module runs the test. */
public final class TestData {

    private TestData() {
    }

    /** The repository root: the surefire property, else the nearest folder above holding testdata/. */
    public static Path root() {
        String fromBuild = System.getProperty("sealmail.root");
        if (fromBuild != null && Files.isDirectory(Path.of(fromBuild, "testdata"))) {
            return Path.of(fromBuild).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("testdata")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository's testdata/ folder");
    }

    /** A file made by testdata/generate.sh, e.g. {@code pki("rsa2048.pem")}. */
    public static Path pki(String name) {
        return root().resolve("testdata/pki").resolve(name);
    }

    /** A sample message under testdata/messages/. */
    public static Path message(String name) {
        return root().resolve("testdata/messages").resolve(name);
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ../shared/vectors beside the repository; may be absent outside CI. */
    public static Path sharedVectors() {
        return root().resolve("../shared/vectors").normalize();
    }
}
