package org.sealmail.core.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import org.sealmail.core.SmimeException;

/**
 * The messages of a Maildir++ tree: {@code new/} and {@code cur/} of the root and of every
 * {@code .Folder} directly below it. Left out: {@code tmp/} (deliveries in progress), names
 * starting with a dot, anything that is not a regular file, and symbolic links (never followed:
 * a link could lead out of the tree, or to a message counted twice).
 */
final class MaildirTree {

    private MaildirTree() {
    }

    /** The Maildir folders of the tree: the root, then its {@code .Folder}s, in name order. */
    static List<Path> folders(Path root) throws SmimeException {
        if (!isMaildir(root)) {
            throw SmimeException.badInput(root + " is not a Maildir: it has no cur/ or new/ folder");
        }
        List<Path> folders = new ArrayList<>();
        folders.add(root);
        for (Path child : sorted(root)) {
            String name = child.getFileName().toString();
            if (name.startsWith(".") && !name.equals(".") && !name.equals("..")
                    && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) && isMaildir(child)) {
                folders.add(child);
            }
        }
        return folders;
    }

    /** Every message of the tree, in folder and name order. */
    static List<MaildirMessage> messages(Path root) throws SmimeException {
        List<MaildirMessage> messages = new ArrayList<>();
        for (Path folder : folders(root)) {
            for (String sub : new String[] {Maildir.NEW, Maildir.CUR}) {
                Path dir = folder.resolve(sub);
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                for (Path file : sorted(dir)) {
                    if (file.getFileName().toString().startsWith(".")) {
                        continue;
                    }
                    BasicFileAttributes attributes;
                    try {
                        attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (NoSuchFileException gone) {
                        continue; // a reader moved or deleted it since the listing
                    } catch (IOException e) {
                        throw StoreFailure.io("cannot read", file, e);
                    }
                    if (attributes.isRegularFile()) {
                        messages.add(new MaildirMessage(folder, file, attributes.size()));
                    }
                }
            }
        }
        return messages;
    }

    private static boolean isMaildir(Path folder) {
        return Files.isDirectory(folder.resolve(Maildir.CUR), LinkOption.NOFOLLOW_LINKS)
                || Files.isDirectory(folder.resolve(Maildir.NEW), LinkOption.NOFOLLOW_LINKS);
    }

    private static List<Path> sorted(Path dir) throws SmimeException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw StoreFailure.io("cannot list", dir, e);
        }
        entries.sort(null);
        return entries;
    }
}
