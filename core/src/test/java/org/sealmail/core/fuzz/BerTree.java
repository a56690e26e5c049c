package org.sealmail.core.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A lenient BER tree for mutating, not for trusting: parses what it can (returns null for
 * anything else) and writes the tree back with every length recomputed, so a change deep inside
 * (a string split into chunks, a definite length made indefinite) still gives well-formed BER
 * that the parser under test reads past its first checks.
 */
final class BerTree {

    private static final int MAX_DEPTH = 40;

    /** One element: a tag byte, and either content octets or children. */
    static final class Node {
        int tag;
        boolean indefinite;
        byte[] content;
        /** Replaces the true length when set: (content length) -> the length octets to write. */
        java.util.function.IntFunction<byte[]> lengthOverride;
        final List<Node> children = new ArrayList<>();

        boolean constructed() {
            return (tag & 0x20) != 0;
        }
    }

    private BerTree() {
    }

    /** The elements of {@code data} in order, or null when it is not BER all the way through. */
    static List<Node> parse(byte[] data) {
        int[] pos = {0};
        List<Node> top = new ArrayList<>();
        while (pos[0] < data.length) {
            Node node = parseNode(data, pos, data.length, 0);
            if (node == null) {
                return null;
            }
            top.add(node);
        }
        return top.isEmpty() ? null : top;
    }

    private static Node parseNode(byte[] data, int[] pos, int end, int depth) {
        if (depth > MAX_DEPTH || end - pos[0] < 2) {
            return null;
        }
        Node node = new Node();
        node.tag = data[pos[0]++] & 0xff;
        if ((node.tag & 0x1f) == 0x1f || node.tag == 0) {
            return null;
        }
        int first = data[pos[0]++] & 0xff;
        long length;
        if (first == 0x80) {
            if (!node.constructed()) {
                return null;
            }
            node.indefinite = true;
            length = -1;
        } else if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7f;
            if (count > 4 || end - pos[0] < count) {
                return null;
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (data[pos[0]++] & 0xff);
            }
        }
        if (length > end - pos[0]) {
            return null;
        }
        if (!node.constructed()) {
            node.content = java.util.Arrays.copyOfRange(data, pos[0], pos[0] + (int) length);
            pos[0] += (int) length;
            return node;
        }
        int contentEnd = length < 0 ? end : pos[0] + (int) length;
        while (true) {
            if (length < 0 && contentEnd - pos[0] >= 2 && data[pos[0]] == 0 && data[pos[0] + 1] == 0) {
                pos[0] += 2;
                return node;
            }
            if (length >= 0 && pos[0] == contentEnd) {
                return node;
            }
            Node child = parseNode(data, pos, contentEnd, depth + 1);
            if (child == null) {
                return null;
            }
            node.children.add(child);
        }
    }

    /** Every node, parents before children. */
    static List<Node> flatten(List<Node> top) {
        List<Node> all = new ArrayList<>();
        List<Node> pending = new ArrayList<>(top);
        while (!pending.isEmpty()) {
            Node node = pending.remove(pending.size() - 1);
            all.add(node);
            pending.addAll(node.children);
        }
        return all;
    }

    static byte[] encode(List<Node> top) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Node node : top) {
            out.writeBytes(encode(node));
        }
        return out.toByteArray();
    }

    static byte[] encode(Node node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(node.tag);
        // A swapped tag may leave a primitive node with children or the reverse: write what it has.
        byte[] content = node.content != null ? node.content : encode(node.children);
        if (node.lengthOverride != null) {
            out.writeBytes(node.lengthOverride.apply(content.length));
            out.writeBytes(content);
        } else if (node.constructed() && node.indefinite) {
            out.write(0x80);
            out.writeBytes(content);
            out.write(0);
            out.write(0);
        } else {
            out.writeBytes(definiteLength(content.length));
            out.writeBytes(content);
        }
        return out.toByteArray();
    }

    static byte[] definiteLength(long length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        int count = (64 - Long.numberOfLeadingZeros(length) + 7) / 8;
        byte[] bytes = new byte[count + 1];
        bytes[0] = (byte) (0x80 | count);
        for (int i = 0; i < count; i++) {
            bytes[count - i] = (byte) (length >>> (8 * i));
        }
        return bytes;
    }
}
