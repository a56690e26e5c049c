package org.sealmail.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.sealmail.core.SmimeException;
import org.sealmail.core.mime.HeaderReader;
import org.sealmail.core.mime.Outcome;

/**
 * One Maildir folder ({@code tmp/ new/ cur/}) and delivery into it the Maildir way: the message is
 * written under a unique name into {@code tmp/}, forced to disk, renamed into {@code new/} as
 * {@code NAME,S=SIZE}, and {@code new/} is forced. Delivery returns only once the message is
 * durable; on any failure nothing is left in {@code new/} nor in {@code tmp/}.
 */
public final class Maildir {

    static final String TMP = "tmp";
    static final String NEW = "new";
    static final String CUR = "cur";

    /**
     * How much of a message is kept to store it as it came when it is refused: the header limit,
     * plus the read-ahead of the encryptor's buffers.
     */
    static final int REPLAY_LIMIT = HeaderReader.DEFAULT_MAX_BYTES + 512 * 1024;

    private final Path root;
    private final UnaryOperator<OutputStream> writeHook;

    private Maildir(Path root, UnaryOperator<OutputStream> writeHook) {
        this.root = root;
        this.writeHook = writeHook;
    }

    public static Maildir at(Path root) {
        return new Maildir(root.toAbsolutePath().normalize(), UnaryOperator.identity());
    }

    /** With a hook around the stream into tmp/, so a test can make a write fail part way. */
    static Maildir at(Path root, UnaryOperator<OutputStream> writeHook) {
        return new Maildir(root.toAbsolutePath().normalize(), Objects.requireNonNull(writeHook));
    }

    public Path root() {
        return root;
    }

    /** What {@link #deliver} stored. */
    public record Delivery(Path file, Outcome outcome, String storedAsItCameBecause) {

        /** True when the message could not be encrypted and was stored as it came. */
        public boolean storedAsItCame() {
            return storedAsItCameBecause != null;
        }
    }

    /**
     * Stores one message, transformed, without the mbox envelope line an MTA may have put before
     * it. A message the transform refuses as bad input while
     * reading its header (no header section, say) is stored as it came rather than bounced.
     *
     * @throws SmimeException IO when anything cannot be written: the message is not delivered,
     *                        and the caller should retry
     */
    public Delivery deliver(InputStream message, MessageTransform transform) throws SmimeException {
        createFolders();
        String unique = MaildirName.unique();
        Path temp = root.resolve(TMP).resolve(unique);
        ReplayableInput in;
        try {
            in = new ReplayableInput(EnvelopeLine.skip(message), REPLAY_LIMIT);
        } catch (IOException e) {
            throw StoreFailure.io("cannot deliver into", root, e);
        }
        try {
            Outcome outcome;
            String asItCame = null;
            long size;
            try (FileChannel channel = FileChannel.open(temp,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    PrivateFiles.fileAttributes(root))) {
                OutputStream out = writeHook.apply(Channels.newOutputStream(channel));
                try {
                    outcome = transform.apply(in, out);
                } catch (SmimeException e) {
                    if (e.reason() != SmimeException.Reason.BAD_INPUT || !in.canReplay()) {
                        throw e;
                    }
                    channel.truncate(0);
                    channel.position(0);
                    in.replay().transferTo(out);
                    asItCame = e.getMessage();
                    outcome = Outcome.passedThrough("stored as it came");
                }
                out.flush();
                channel.force(true);
                size = channel.size();
            }
            Path delivered = root.resolve(NEW).resolve(unique + ",S=" + size);
            Files.move(temp, delivered, StandardCopyOption.ATOMIC_MOVE);
            try {
                Durable.folder(delivered.getParent());
            } catch (IOException e) {
                Files.deleteIfExists(delivered);
                throw e;
            }
            return new Delivery(delivered, outcome, asItCame);
        } catch (IOException e) {
            throw StoreFailure.io("cannot deliver into", root, e);
        } finally {
            in.forget();
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Left in tmp/, where no reader looks; Maildir readers remove tmp/ files after 36 hours.
            }
        }
    }

    /** Creates the Maildir and its three folders (0700) where missing. */
    void createFolders() throws SmimeException {
        PrivateFiles.createFolder(root);
        for (String sub : new String[] {TMP, NEW, CUR}) {
            PrivateFiles.createFolder(root.resolve(sub));
        }
    }
}
