package org.sealmail.cli.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private Dovecot IMAP server, run in the foreground ({@code dovecot -F -c CONFIG}) as a child
 * of the test: loopback only, a free port, no TLS, plaintext login, one passwd-file user whose
 * mail is one Maildir. Its configuration, sockets, state and log stay in one work folder, so it
 * shares nothing with a system Dovecot. {@link #close} stops it and waits until it is gone.
 *
 * <p>Dovecot never serves mail as root: when the test runs as root, the Maildir is handed to
 * {@link MailOwner#UNPRIVILEGED} first (contents untouched), as a mail server's delivery step
 * running as the mail user would have left it.
 */
final class DovecotServer implements AutoCloseable {

    static final String USER = "alice";
    static final String PASSWORD = "imap-test-password";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration IO_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path log;
    private final int port;

    private DovecotServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Skips the test when dovecot is missing, except in CI, where it must be installed. */
    static void assumeInstalledUnlessCi() {
        if (System.getenv("CI") == null) {
            RequiredTool.assumeOnPath("dovecot", "dovecot-imapd");
        } else if (!RequiredTool.isOnPath("dovecot")) {
            throw new AssertionError("dovecot is not on PATH in CI; .ci/run installs dovecot-imapd");
        }
    }

    /** Starts Dovecot serving {@code maildir} as {@link #USER}'s INBOX; returns once it greets. */
    static DovecotServer serve(Path maildir, Path workDir) throws IOException {
        MailOwner owner = MailOwner.forCurrentUser(workDir);
        owner.takeOver(maildir, workDir);
        int port = freeLoopbackPort();
        Path log = workDir.resolve("dovecot.log");
        Path users = Files.writeString(workDir.resolve("users"),
                USER + ":{PLAIN}" + PASSWORD + ":" + owner.uid() + ":" + owner.gid() + "::"
                        + maildir + "::userdb_mail=maildir:" + maildir + "\n");
        Path config = Files.writeString(workDir.resolve("dovecot.conf"),
                config(workDir, users, log, port, owner), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(List.of("dovecot", "-F", "-c", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("dovecot.out").toFile())
                .start();
        DovecotServer server = new DovecotServer(process, log, port);
        try {
            server.awaitGreeting();
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** A logged-in session with {@link #USER}'s INBOX selected. */
    ImapSession openInbox() throws IOException {
        ImapSession session = ImapSession.open(port, IO_TIMEOUT);
        try {
            session.login(USER, PASSWORD);
            session.select("INBOX");
            return session;
        } catch (RuntimeException | Error e) {
            session.close();
            throw e;
        }
    }

    /** Dovecot's log, for failure messages. */
    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "(no log written)";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** SIGTERM to the master, which stops its children; SIGKILL to all if it does not. */
    @Override
    public void close() {
        process.destroy();
        if (!waitFor(STOP_TIMEOUT)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            waitFor(STOP_TIMEOUT);
        }
    }

    private static String config(Path workDir, Path users, Path log, int port, MailOwner owner) {
        return """
                # A private instance for one test: nothing here touches /etc/dovecot or /run/dovecot.
                base_dir = %1$s/run
                state_dir = %1$s/state
                instance_name = sealmail-test-%2$d
                log_path = %3$s
                protocols = imap
                listen = 127.0.0.1
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain
                first_valid_uid = %4$d
                first_valid_gid = %5$d
                %6$s
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN %7$s
                }
                userdb {
                  driver = passwd-file
                  args = %7$s
                }
                service imap-login {
                  chroot =
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %2$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                service anvil {
                  chroot =
                }
                """.formatted(workDir, port, log, owner.uid(), owner.gid(), owner.serviceUsers(), users);
    }

    private void awaitGreeting() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("dovecot exited " + process.exitValue() + " while starting\n"
                        + "--- log ---\n" + log());
            }
            try (ImapSession probe = ImapSession.open(port, IO_TIMEOUT)) {
                return;
            } catch (IOException e) {
                last = e;
            }
            sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("dovecot did not accept IMAP connections on port " + port + " within "
                + START_TIMEOUT.toSeconds() + " s (" + last + ")\n--- log ---\n" + log());
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for dovecot", e);
        }
    }

    /**
     * Whose the mail is while Dovecot serves it. Dovecot refuses mail access as root, and its
     * login processes refuse to run as root: as root, the mail goes to the conventional
     * unprivileged uid 65534 and Dovecot's own users (dovenull, dovecot) run the services; as
     * anyone else, everything runs as that user and the mail stays theirs.
     */
    record MailOwner(long uid, long gid, String user, String group) {

        static final long UNPRIVILEGED = 65534;

        static MailOwner forCurrentUser(Path probe) throws IOException {
            long uid = ((Number) Files.getAttribute(probe, "unix:uid")).longValue();
            if (uid == 0) {
                return new MailOwner(UNPRIVILEGED, UNPRIVILEGED, null, null);
            }
            PosixFileAttributes attributes = Files.readAttributes(probe, PosixFileAttributes.class);
            long gid = ((Number) Files.getAttribute(probe, "unix:gid")).longValue();
            return new MailOwner(uid, gid, attributes.owner().getName(), attributes.group().getName());
        }

        /**
         * Lets the mail user reach the Maildir from {@code workDir} down, and own it when that is
         * another user; the bytes of every file stay as they are.
         */
        void takeOver(Path maildir, Path workDir) {
            if (user != null) {
                return;
            }
            try {
                for (Path dir = maildir.getParent(); dir.startsWith(workDir); dir = dir.getParent()) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the folders above " + maildir + " to the mail user", e);
            }
            CommandRunner.run(List.of("chown", "-R", uid + ":" + gid, maildir.toString()), Map.of(),
                    new byte[0]).requireSuccess();
        }

        /** As a non-root user, Dovecot's services must run as that user too. */
        String serviceUsers() {
            return user == null ? "" : "default_login_user = " + user + "\ndefault_internal_user = " + user
                    + "\ndefault_internal_group = " + group;
        }
    }
}
