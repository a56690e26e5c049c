/**
 * X.509 certificates as encryption recipients: a bundle is parsed from PEM or DER and each
 * certificate is checked to be usable for RSA key transport before anything is encrypted to it.
 */
package org.sealmail.core.x509;
