/**
 * Private keys for decryption: PKCS#12 files, PEM with PKCS#8, PKCS#1 or encrypted PKCS#8 keys
 * (and the certificates that go with them), on the JDK alone.
 *
 * <p>Entry points: {@link org.sealmail.core.keys.KeyFiles#read} for whatever file a user gives,
 * {@link org.sealmail.core.keys.Pkcs12File#read} when the certificates of a PKCS#12 file matter.
 * Uses {@code pem} and {@code asn1} only.
 */
package org.sealmail.core.keys;
