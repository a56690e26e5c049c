package org.sealmail.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.sealmail.core.SmimeException;
import org.sealmail.core.mime.Outcome;

/**
 * Replaces one Maildir message by its transformed version so that, whatever fails and whenever
 * the process dies, the message exists exactly once, old or new, complete:
 * <ol>
 * <li>the new version is written into the folder's {@code tmp/} (never shown by a reader), forced
 *     to disk, and given the original's permissions, owner and modification time;</li>
 * <li>a hard link in {@code tmp/} pins whatever file has the original's name now; unless it is
 *     the very file that was read (same inode, size and time), nothing is replaced;</li>
 * <li>the new version is renamed over the name, and the folder forced to disk;</li>
 * <li>if the pinned file still has another name, a mail reader renamed the original (a flag
 *     change) in the instant before the rename: the new version then takes that name, replacing the
 *     original there, so no copy is left twice;</li>
 * <li>a {@code ,S=SIZE} field in the name is set to the new size (a second, plain rename).</li>
 * </ol>
 * Where hard links are not supported, step 2 compares the name's attributes instead.
 */
final class InPlaceReplace {

    private final MessageTransform transform;

    InPlaceReplace(MessageTransform transform) {
        this.transform = Objects.requireNonNull(transform, "transform");
    }

    MessageResult apply(MaildirMessage message, boolean dryRun) throws SmimeException, IOException {
        Path file = message.file();
        BasicFileAttributes before;
        try {
            before = attributes(file);
        } catch (NoSuchFileException e) {
            return goneOrRenamed(message);
        }
        if (!before.isRegularFile()) {
            return MessageResult.of(MessageResult.Kind.UNCHANGED, "no longer a regular file");
        }
        if (dryRun) {
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                Outcome outcome = transform.apply(in, OutputStream.nullOutputStream());
                return outcome.wasEncrypted() ? MessageResult.of(MessageResult.Kind.REPLACED)
                        : MessageResult.of(MessageResult.Kind.UNCHANGED, outcome.reason());
            }
        }
        Path tmp = message.folder().resolve(Maildir.TMP);
        PrivateFiles.createFolder(tmp);
        Path part = JobTemps.part(tmp);
        Path guard = JobTemps.guard(tmp);
        try {
            Outcome outcome;
            long size;
            try (FileChannel channel = FileChannel.open(part, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PrivateFiles.fileAttributes(tmp))) {
                outcome = transform.apply(() -> Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), before.size(),
                        Channels.newOutputStream(channel));
                if (!outcome.wasEncrypted()) {
                    fixSizeField(file, before.size());
                    return MessageResult.of(MessageResult.Kind.UNCHANGED, outcome.reason());
                }
                channel.force(true);
                size = channel.size();
            }
            copyMetadata(before, part);
            if (!pinned(file, guard, before)) {
                return goneOrRenamed(message);
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            Durable.folder(file.getParent());
            Path replaced = file;
            if (linkCount(guard) > 1) {
                Optional<Path> renamed = nameOf(message, before.fileKey(), file);
                if (renamed.isEmpty()) {
                    return MessageResult.of(MessageResult.Kind.CHANGED,
                            "renamed while being replaced; look for a second copy of " + MaildirName.base(
                                    file.getFileName().toString()));
                }
                Files.move(file, renamed.get(), StandardCopyOption.ATOMIC_MOVE);
                Durable.folder(renamed.get().getParent());
                replaced = renamed.get();
            }
            fixSizeField(replaced, size);
            return MessageResult.of(MessageResult.Kind.REPLACED);
        } finally {
            Files.deleteIfExists(part);
            Files.deleteIfExists(guard);
        }
    }

    /**
     * Links {@code guard} to what has the name {@code file} now; true when that is the file read.
     * Without hard links, the attributes of the name are compared (a narrower check).
     */
    private static boolean pinned(Path file, Path guard, BasicFileAttributes before) throws IOException {
        BasicFileAttributes now;
        try {
            Files.createLink(guard, file);
            now = attributes(guard);
        } catch (NoSuchFileException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            if (noHardLinks instanceof FileAlreadyExistsException) {
                throw (FileAlreadyExistsException) noHardLinks;
            }
            try {
                now = attributes(file);
            } catch (NoSuchFileException e) {
                return false;
            }
        }
        return Objects.equals(now.fileKey(), before.fileKey()) && now.size() == before.size()
                && now.lastModifiedTime().equals(before.lastModifiedTime());
    }

    private static int linkCount(Path guard) throws IOException {
        if (!Files.exists(guard, LinkOption.NOFOLLOW_LINKS)) {
            return 1;
        }
        try {
            return (Integer) Files.getAttribute(guard, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            return 1;
        }
    }

    /** The original no longer has its name: renamed by a reader (left for the next run) or deleted. */
    private static MessageResult goneOrRenamed(MaildirMessage message) throws IOException {
        String base = MaildirName.base(message.file().getFileName().toString());
        if (sameBase(message, base, message.file()).isPresent()) {
            return MessageResult.of(MessageResult.Kind.CHANGED, "renamed by a mail reader while being processed");
        }
        return MessageResult.of(MessageResult.Kind.VANISHED, "deleted while being processed");
    }

    /** The other name of the file {@code fileKey} in new/ or cur/, with the same base name. */
    private static Optional<Path> nameOf(MaildirMessage message, Object fileKey, Path except) throws IOException {
        String base = MaildirName.base(except.getFileName().toString());
        Optional<Path> candidate = sameBase(message, base, except);
        if (candidate.isPresent() && Objects.equals(attributes(candidate.get()).fileKey(), fileKey)) {
            return candidate;
        }
        return Optional.empty();
    }

    private static Optional<Path> sameBase(MaildirMessage message, String base, Path except) throws IOException {
        for (String sub : new String[] {Maildir.NEW, Maildir.CUR}) {
            Path dir = message.folder().resolve(sub);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob(base) + "*")) {
                for (Path file : files) {
                    if (!file.equals(except) && MaildirName.base(file.getFileName().toString()).equals(base)) {
                        return Optional.of(file);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String glob(String literal) {
        return literal.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }

    /** Sets the name's {@code ,S=} field to the size; a reader renaming it meanwhile wins. */
    private static void fixSizeField(Path file, long size) throws IOException {
        String name = file.getFileName().toString();
        String fixed = MaildirName.withSize(name, size);
        if (!fixed.equals(name)) {
            try {
                Files.move(file, file.resolveSibling(fixed));
                Durable.folder(file.getParent());
            } catch (NoSuchFileException | FileAlreadyExistsException raced) {
                // The next run sets it.
            }
        }
    }

    private static void copyMetadata(BasicFileAttributes original, Path copy) throws IOException {
        if (original instanceof PosixFileAttributes posix) {
            PosixFileAttributeView view = Files.getFileAttributeView(copy, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributes current = view.readAttributes();
            if (!current.owner().equals(posix.owner())) {
                view.setOwner(posix.owner());
            }
            if (!current.group().equals(posix.group())) {
                view.setGroup(posix.group());
            }
            view.setPermissions(posix.permissions());
        }
        Files.setLastModifiedTime(copy, original.lastModifiedTime());
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        return PrivateFiles.isPosix(file)
                ? Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                : Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
