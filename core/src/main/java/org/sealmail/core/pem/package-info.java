/**
 * Strict PEM armor (RFC 7468): BEGIN/END blocks with a label and base64 content, nothing else.
 * Knows nothing of what the blocks hold; {@code x509} and {@code keys} give them meaning.
 */
package org.sealmail.core.pem;
