package org.sealmail.cli.interop;

/** A real S/MIME implementation holding exactly one private key, ready to decrypt. */
interface Decrypter extends AutoCloseable {

    /** Decrypts a DER (or BER) CMS ContentInfo; fails the test if the peer reports an error. */
    byte[] decryptCms(byte[] contentInfo);

    /** Stops whatever the peer left running and removes its key store. */
    @Override
    void close();
}
