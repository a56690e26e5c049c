package org.sealmail.core.store;

import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/**
 * A second local user, "nobody", to give a store's folders and files to. Only root can give a
 * file away, so a test that needs this is skipped unless it runs as root where "nobody" exists.
 */
final class OtherUser {

    static final String NAME = "nobody";

    private final UserPrincipal principal;

    private OtherUser(UserPrincipal principal) {
        this.principal = principal;
    }

    /** The other user; skips the calling test when there is none to use. */
    static OtherUser required(Path onFileSystem) throws IOException {
        assumeTrue(PrivateFiles.isPosix(onFileSystem), "the file system has no POSIX owners");
        String running = System.getProperty("user.name");
        assumeTrue("root".equals(running), "giving a file to another user needs root; running as " + running);
        try {
            return new OtherUser(
                    onFileSystem.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(NAME));
        } catch (UserPrincipalNotFoundException e) {
            return abort("there is no user \"" + NAME + "\" to give files to");
        }
    }

    /** Makes {@code path} (not a link) belong to the other user. */
    Path owns(Path path) throws IOException {
        Files.setOwner(path, principal);
        return path;
    }
}
