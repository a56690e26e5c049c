package org.sealmail.core.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Makes one hostile variant of a real input. Knows three shapes and mutates each on its own
 * terms: BER (lengths set to 0, to the maximum, to just past the end; tags swapped; definite and
 * indefinite lengths exchanged; strings split into many chunks; elements dropped or repeated),
 * text (header lines and base64 lines broken, NUL and 8-bit bytes, line endings changed) and
 * base64-wrapped BER (a PEM block, an S/MIME body: the BER inside is mutated and wrapped again).
 * Plain byte mutations (bit flips, insertions, deletions, truncation) apply to all.
 */
final class Mutator {

    private static final int[] TAGS = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0c, 0x13, 0x17, 0x24, 0x30, 0x31,
        0x80, 0x81, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4};
    private static final byte[] INTERESTING = {0x00, (byte) 0xff, 0x7f, (byte) 0x80, (byte) 0x81, (byte) 0x84,
        0x30, 0x0a, 0x0d, 0x3a, 0x20, 0x3d};

    private final Random random;

    Mutator(Random random) {
        this.random = random;
    }

    /** One to three mutations of {@code seed}. */
    byte[] mutate(byte[] seed) {
        byte[] data = seed;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            data = once(data);
        }
        return data;
    }

    private byte[] once(byte[] data) {
        int choice = random.nextInt(10);
        if (choice < 4) {
            List<BerTree.Node> tree = BerTree.parse(data);
            if (tree != null) {
                return ber(tree);
            }
            byte[] wrapped = wrappedBer(data);
            if (wrapped != null) {
                return wrapped;
            }
        }
        if (choice < 7 && looksLikeText(data)) {
            return text(data);
        }
        return bytes(data);
    }

    // ---- BER ----

    private byte[] ber(List<BerTree.Node> tree) {
        List<BerTree.Node> all = BerTree.flatten(tree);
        BerTree.Node node = all.get(random.nextInt(all.size()));
        switch (random.nextInt(9)) {
            case 0 -> node.lengthOverride = length -> new byte[] {0};
            case 1 -> node.lengthOverride = length -> random.nextBoolean()
                    ? new byte[] {(byte) 0x84, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}
                    : new byte[] {(byte) 0x88, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                        (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
            case 2 -> {
                int delta = random.nextBoolean() ? 1 : -1 - random.nextInt(3);
                node.lengthOverride = length -> BerTree.definiteLength(Math.max(0, length + delta));
            }
            case 3 -> node.tag = random.nextBoolean() ? TAGS[random.nextInt(TAGS.length)]
                    : all.get(random.nextInt(all.size())).tag;
            case 4 -> toggleIndefinite(all);
            case 5 -> chunk(all);
            case 6 -> {
                BerTree.Node parent = withChildren(all);
                if (parent != null) {
                    parent.children.remove(random.nextInt(parent.children.size()));
                }
            }
            case 7 -> {
                BerTree.Node parent = withChildren(all);
                if (parent != null) {
                    BerTree.Node child = parent.children.get(random.nextInt(parent.children.size()));
                    int copies = random.nextInt(4) == 0 ? 300 : 1;
                    for (int i = 0; i < copies; i++) {
                        parent.children.add(random.nextInt(parent.children.size() + 1), child);
                    }
                }
            }
            default -> {
                BerTree.Node leaf = primitive(all);
                if (leaf != null) {
                    leaf.content = bytes(leaf.content);
                }
            }
        }
        return BerTree.encode(tree);
    }

    private void toggleIndefinite(List<BerTree.Node> all) {
        List<BerTree.Node> constructed = all.stream().filter(BerTree.Node::constructed).toList();
        if (constructed.isEmpty()) {
            return;
        }
        if (random.nextBoolean()) {
            constructed.forEach(n -> n.indefinite = !n.indefinite);
        } else {
            BerTree.Node node = constructed.get(random.nextInt(constructed.size()));
            node.indefinite = !node.indefinite;
        }
    }

    /** A primitive string becomes a constructed one of many chunks, maybe chunked again. */
    private void chunk(List<BerTree.Node> all) {
        BerTree.Node node = primitive(all);
        if (node == null) {
            return;
        }
        int size = 1 + random.nextInt(random.nextBoolean() ? 4 : 64);
        byte[] content = node.content;
        node.tag |= 0x20;
        node.content = null;
        node.indefinite = random.nextBoolean();
        for (int at = 0; at < content.length || (at == 0 && content.length == 0); at += size) {
            BerTree.Node piece = new BerTree.Node();
            piece.tag = random.nextInt(8) == 0 ? 0x24 : 0x04;
            if (piece.tag == 0x24) {
                BerTree.Node inner = new BerTree.Node();
                inner.tag = 0x04;
                inner.content = java.util.Arrays.copyOfRange(content, at, Math.min(content.length, at + size));
                piece.children.add(inner);
            } else {
                piece.content = java.util.Arrays.copyOfRange(content, at, Math.min(content.length, at + size));
            }
            node.children.add(piece);
            if (content.length == 0) {
                break;
            }
        }
    }

    private BerTree.Node primitive(List<BerTree.Node> all) {
        List<BerTree.Node> leaves = all.stream().filter(n -> !n.constructed()).toList();
        return leaves.isEmpty() ? null : leaves.get(random.nextInt(leaves.size()));
    }

    private BerTree.Node withChildren(List<BerTree.Node> all) {
        List<BerTree.Node> parents = all.stream().filter(n -> !n.children.isEmpty()).toList();
        return parents.isEmpty() ? null : parents.get(random.nextInt(parents.size()));
    }

    /** The longest run of base64 lines, decoded, mutated as BER and wrapped again; null if none. */
    private byte[] wrappedBer(byte[] data) {
        int[] run = base64Run(data);
        if (run == null) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(java.util.Arrays.copyOfRange(data, run[0], run[1]));
        } catch (IllegalArgumentException e) {
            return null;
        }
        List<BerTree.Node> tree = BerTree.parse(decoded);
        if (tree == null) {
            return null;
        }
        byte[] mutated = ber(tree);
        int lineLength = random.nextBoolean() ? 64 : random.nextInt(4) * 4 + 4 + random.nextInt(200);
        String separator = data[run[1] - 1] == '\n' && run[1] >= 2 && data[run[1] - 2] == '\r' ? "\r\n" : "\n";
        String encoded = Base64.getMimeEncoder(lineLength, separator.getBytes(StandardCharsets.US_ASCII))
                .encodeToString(mutated) + separator;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data, 0, run[0]);
        out.writeBytes(encoded.getBytes(StandardCharsets.US_ASCII));
        out.write(data, run[1], data.length - run[1]);
        return out.toByteArray();
    }

    /** [start, end) of the longest run of lines made of base64 characters only. */
    static int[] base64Run(byte[] data) {
        int bestStart = -1;
        int bestEnd = -1;
        int runStart = -1;
        int lineStart = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i < data.length && data[i] != '\n') {
                continue;
            }
            int lineEnd = Math.min(i + 1, data.length);
            if (isBase64Line(data, lineStart, i)) {
                if (runStart < 0) {
                    runStart = lineStart;
                }
                if (lineEnd - runStart > bestEnd - bestStart) {
                    bestStart = runStart;
                    bestEnd = lineEnd;
                }
            } else {
                runStart = -1;
            }
            lineStart = i + 1;
        }
        return bestEnd - bestStart >= 40 ? new int[] {bestStart, bestEnd} : null;
    }

    private static boolean isBase64Line(byte[] data, int start, int end) {
        if (end > start && data[end - 1] == '\r') {
            end--;
        }
        if (end - start < 4) {
            return false;
        }
        for (int i = start; i < end; i++) {
            byte b = data[i];
            boolean ok = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                    || b == '+' || b == '/' || b == '=';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    // ---- text: header lines, base64 lines, line endings ----

    private static boolean looksLikeText(byte[] data) {
        int printable = 0;
        for (byte b : data) {
            if ((b >= 0x20 && b < 0x7f) || b == '\n' || b == '\r' || b == '\t') {
                printable++;
            }
        }
        return data.length > 0 && printable * 10 >= data.length * 9;
    }

    private byte[] text(byte[] data) {
        List<byte[]> lines = lines(data);
        int index = random.nextInt(lines.size());
        byte[] line = lines.get(index);
        switch (random.nextInt(10)) {
            case 0 -> lines.set(index, remove(line, ':'));
            case 1 -> lines.set(index, insert(line, random.nextInt(line.length + 1),
                    new byte[] {random.nextBoolean() ? 0 : (byte) (0x80 + random.nextInt(0x80))}));
            case 2 -> lines.remove(firstEmptyLine(lines, index));
            case 3 -> lines.set(index, replaceAll(line, random.nextBoolean() ? "\r\n" : "\n",
                    random.nextBoolean() ? "\r" : "\n"));
            case 4 -> lines.add(index, "\tcontinued\n".getBytes(StandardCharsets.US_ASCII));
            case 5 -> {
                int copies = random.nextBoolean() ? 2 : 2000;
                for (int i = 0; i < copies; i++) {
                    lines.add(index, line);
                }
            }
            case 6 -> lines.set(index, insert(line, random.nextInt(line.length + 1),
                    new byte[] {"=*-.!\u0000 ".getBytes(StandardCharsets.ISO_8859_1)[random.nextInt(7)]}));
            case 7 -> {
                // Join with the next line: a long line, a missing line break.
                if (index + 1 < lines.size()) {
                    lines.set(index, concat(stripEol(line), lines.remove(index + 1)));
                }
            }
            case 8 -> lines.set(index, repeat(stripEol(line), 1 + random.nextInt(200), line));
            default -> lines.remove(index);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static int firstEmptyLine(List<byte[]> lines, int fallback) {
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            if (line.length > 0 && line.length <= 2 && (line[0] == '\n' || line[0] == '\r')) {
                return i;
            }
        }
        return fallback;
    }

    private static List<byte[]> lines(byte[] data) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(data, start, i + 1));
                start = i + 1;
            }
        }
        if (start < data.length || lines.isEmpty()) {
            lines.add(java.util.Arrays.copyOfRange(data, start, data.length));
        }
        return lines;
    }

    private static byte[] remove(byte[] line, char c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : line) {
            if (b != c) {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static byte[] replaceAll(byte[] line, String from, String to) {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] stripEol(byte[] line) {
        int end = line.length;
        while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
            end--;
        }
        return java.util.Arrays.copyOf(line, end);
    }

    private static byte[] repeat(byte[] body, int times, byte[] original) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
            out.writeBytes(body);
        }
        out.write(original, body.length, original.length - body.length);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    // ---- plain bytes ----

    private byte[] bytes(byte[] data) {
        if (data.length == 0) {
            return new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]};
        }
        int at = random.nextInt(data.length);
        switch (random.nextInt(7)) {
            case 0 -> {
                byte[] copy = data.clone();
                copy[at] ^= (byte) (1 << random.nextInt(8));
                return copy;
            }
            case 1 -> {
                byte[] copy = data.clone();
                copy[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                return copy;
            }
            case 2 -> {
                byte[] inserted = new byte[1 + random.nextInt(8)];
                random.nextBytes(inserted);
                return insert(data, at, inserted);
            }
            case 3 -> {
                int count = Math.min(data.length - at, 1 + random.nextInt(16));
                byte[] shorter = new byte[data.length - count];
                System.arraycopy(data, 0, shorter, 0, at);
                System.arraycopy(data, at + count, shorter, at, data.length - at - count);
                return shorter;
            }
            case 4 -> {
                int count = Math.min(data.length - at, 1 + random.nextInt(64));
                return insert(data, at, java.util.Arrays.copyOfRange(data, at, at + count));
            }
            case 5 -> {
                return nest(data, at);
            }
            default -> {
                return java.util.Arrays.copyOf(data, at);
            }
        }
    }

    /** Deep nesting from {@code at} on: indefinite-length openings, and their ends at the end. */
    private byte[] nest(byte[] data, int at) {
        int depth = new int[] {65, 1_000, 20_000}[random.nextInt(3)];
        byte tag = new byte[] {0x30, 0x24, (byte) 0xa0}[random.nextInt(3)];
        byte[] nested = new byte[data.length + 4 * depth];
        System.arraycopy(data, 0, nested, 0, at);
        for (int i = 0; i < depth; i++) {
            nested[at + 2 * i] = tag;
            nested[at + 2 * i + 1] = (byte) 0x80;
        }
        System.arraycopy(data, at, nested, at + 2 * depth, data.length - at);
        return nested;
    }

    private static byte[] insert(byte[] data, int at, byte[] inserted) {
        byte[] longer = new byte[data.length + inserted.length];
        System.arraycopy(data, 0, longer, 0, at);
        System.arraycopy(inserted, 0, longer, at, inserted.length);
        System.arraycopy(data, at, longer, at + inserted.length, data.length - at);
        return longer;
    }
}
