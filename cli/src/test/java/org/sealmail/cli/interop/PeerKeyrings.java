package org.sealmail.cli.interop;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decrypters of one test class, one per (peer, key), each made on first use and kept until
 * {@link #close()}: key stores are built once per class, not once per case.
 */
final class PeerKeyrings implements AutoCloseable {

    private final Path baseDir;
    private final Map<String, Decrypter> decrypters = new LinkedHashMap<>();

    PeerKeyrings(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** The decrypter of {@code peer} holding {@code key} alone; skips the test if the peer is absent. */
    synchronized Decrypter holding(Peer peer, TestKey key) {
        peer.assumeInstalled();
        String id = peer.name().toLowerCase() + "-" + key.name();
        Decrypter decrypter = decrypters.get(id);
        if (decrypter == null) {
            decrypter = peer.holding(key, baseDir.resolve(id));
            decrypters.put(id, decrypter);
        }
        return decrypter;
    }

    OpensslDecrypter openssl(TestKey key) {
        return (OpensslDecrypter) holding(Peer.OPENSSL, key);
    }

    @Override
    public synchronized void close() {
        AssertionError failure = null;
        for (Decrypter decrypter : decrypters.values()) {
            try {
                decrypter.close();
            } catch (RuntimeException | AssertionError e) {
                if (failure == null) {
                    failure = new AssertionError("cannot clean up a peer", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        decrypters.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
