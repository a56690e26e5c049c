package org.sealmail.core.store;

import java.nio.file.Path;

/**
 * One message file of a Maildir++ tree.
 *
 * @param folder the Maildir it belongs to (the root or a {@code .Folder}), holding its tmp/
 * @param file   the message, in {@code folder/new} or {@code folder/cur}
 * @param size   its size when the tree was walked, for progress
 */
public record MaildirMessage(Path folder, Path file, long size) {
}
