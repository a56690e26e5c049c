package org.sealmail.core.store;

import java.nio.file.Path;

import org.sealmail.core.SmimeException;

/**
 * The user running sealmail, who must own the store's folders and files.
 *
 * <p>Users are compared by name: {@code Files.getOwner(path).getName()} against the system
 * property {@code user.name}. On Unix the JDK takes {@code user.name} from the password database
 * entry of the process's uid ({@code getpwuid(getuid())}), not from {@code $USER}, and names a
 * file's owner from the same database, so equal names mean the same user. The uid itself is not
 * compared because JDK 17 has no reliable way to get it: {@code com.sun.security.auth.module.UnixSystem}
 * reports uid 0 for a uid that has no password database entry (which would pass for root), and
 * {@code /proc/self} exists on Linux only. For such a uid the JDK sets {@code user.name} to
 * {@value #NO_NAME} and owners are named by number; nothing can be compared and the store is
 * refused.
 */
final class RunningUser {

    /** The JDK's {@code user.name} when the process's uid has no password database entry. */
    static final String NO_NAME = "?";

    private RunningUser() {
    }

    /**
     * Refuses {@code path} unless {@code owner} is the user running sealmail.
     *
     * @param what for messages: "store folder", "account file", ...
     */
    static void requireOwner(String what, Path path, String owner) throws SmimeException {
        requireOwner(what, path, owner, System.getProperty("user.name"));
    }

    /** As above, for the user called {@code user}. */
    static void requireOwner(String what, Path path, String owner, String user) throws SmimeException {
        if (user == null || user.isEmpty() || user.equals(NO_NAME)) {
            throw SmimeException.badInput(what + " " + path + ": cannot tell whether its owner " + owner
                    + " is the user running sealmail, who has no name in the user database; "
                    + "run sealmail as a user that has one");
        }
        if (!owner.equals(user)) {
            throw SmimeException.badInput(what + " " + path + " is owned by " + owner + ", not by " + user
                    + "; run \"chown " + user + " " + path + "\"");
        }
    }
}
