package org.sealmail.cli.interop;

import java.nio.file.Path;
import java.util.List;

/** The real decrypters this machine has: what they need installed and how to give them a key. */
enum Peer {
    OPENSSL("openssl cms", "openssl", List.of("openssl")) {
        @Override
        Decrypter holding(TestKey key, Path workDir) {
            return new OpensslDecrypter(key, workDir);
        }
    },
    NSS("NSS cmsutil", "libnss3-tools", List.of("certutil", "pk12util", "cmsutil")) {
        @Override
        Decrypter holding(TestKey key, Path workDir) {
            return NssDecrypter.create(key, workDir);
        }
    },
    GPGSM("gpgsm", "gpgsm", List.of("gpgsm", "gpgconf")) {
        @Override
        Decrypter holding(TestKey key, Path workDir) {
            return GpgsmDecrypter.create(key, workDir);
        }
    };

    private final String displayName;
    private final String debianPackage;
    private final List<String> programs;

    Peer(String displayName, String debianPackage, List<String> programs) {
        this.displayName = displayName;
        this.debianPackage = debianPackage;
        this.programs = programs;
    }

    /** Skips the calling test, naming the package to install, when a program is missing. */
    void assumeInstalled() {
        for (String program : programs) {
            RequiredTool.assumeOnPath(program, debianPackage);
        }
    }

    /** A decrypter holding only {@code key}, its key store made under {@code workDir}. */
    abstract Decrypter holding(TestKey key, Path workDir);

    @Override
    public String toString() {
        return displayName;
    }
}
