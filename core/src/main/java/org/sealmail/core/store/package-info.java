/**
 * Per-account encryption settings, as a mail server keeps them: which certificates an account's
 * mail is encrypted to, with which cipher, and whether encryption is on; and the mail itself in
 * Maildir: {@link org.sealmail.core.store.Maildir#deliver} (tmp/, fsync, rename into new/) and
 * {@link org.sealmail.core.store.MaildirJob}, which encrypts or re-encrypts a whole Maildir++
 * tree in place, one atomic replacement per message (see {@code InPlaceReplace}). Every call into
 * the crypto goes through {@link org.sealmail.core.store.MessageTransform}.
 *
 * <h2>The store</h2>
 * A folder (by default {@code $SEALMAIL_HOME}, else {@code ~/.sealmail}) holding:
 * <pre>
 * FOLDER/            0700; refused when group or others can write to it
 *   .lock            0600; writers hold an exclusive lock on it
 *   accounts/        0700; same rule as FOLDER
 *     NAME.account   0600; one per account, NAME in normalized form (lower case); refused
 *                    when group or others can write to it
 * </pre>
 * Whoever can change these can put their own certificate in an account, so all of them must be
 * owned by the user running sealmail (compared by name, see {@code RunningUser}), and none but
 * FOLDER itself may be a symbolic link. FOLDER may be reached through links; its parents are not
 * checked. A refusal is BAD_INPUT naming the path, the reason and the fix, e.g.
 * {@code store folder /srv/sealmail is owned by nobody, not by mail; run "chown mail /srv/sealmail"}.
 * Only {@link org.sealmail.core.store.AccountStore#open} creates folders;
 * {@link org.sealmail.core.store.AccountStore#openExisting} creates nothing and takes a store
 * without accounts/ as one without accounts.
 * Names are email addresses or logins, checked by {@link org.sealmail.core.store.AccountName}.
 * Files are replaced atomically: written to a temp file {@code accounts/.write-*.tmp}, forced to
 * disk, renamed over the old file, and the folder forced. Temp files a crash left behind are
 * ignored by readers and removed by the next writer.
 *
 * <h2>An account file</h2>
 * Plain ASCII text with LF line endings, written so:
 * <pre>
 * # sealmail account settings; edit with 'sealmail account set'
 * account: alice@example.org
 * encryption: on
 * cipher: aes256-cbc
 *
 * -----BEGIN CERTIFICATE-----
 * MIIDRzCCAi+gAwIBAgICEAMwDQYJKoZIhvcNAQELBQAwGzEZMBcGA1UEAwwQc2Vh
 * ...
 * -----END CERTIFICATE-----
 * -----BEGIN CERTIFICATE-----
 * ...
 * -----END CERTIFICATE-----
 * </pre>
 * <ul>
 * <li>Settings come first, one {@code key: value} per line, up to the first blank line. Lines
 *     starting with {@code #} are comments (allowed among the settings only). Keys are lower case,
 *     values may be in any case; spaces around key and value are ignored; the order is free; each
 *     key appears exactly once:
 *   <ul>
 *   <li>{@code account}: the account's name; it must match the file name, ignoring case;</li>
 *   <li>{@code encryption}: {@code on} or {@code off};</li>
 *   <li>{@code cipher}: {@code aes128-cbc}, {@code aes256-cbc}, {@code aes128-gcm},
 *       {@code aes256-gcm} or {@code chacha20-poly1305};</li>
 *   <li>{@code oaep} (optional, default {@code off}): {@code on} gives RSA recipients RSA-OAEP
 *       instead of PKCS#1 v1.5; the GCM and ChaCha20 ciphers use RSA-OAEP whatever it says;</li>
 *   <li>{@code recipient-id} (optional, default {@code issuer-serial}): {@code issuer-serial} or
 *       {@code ski}, how recipient infos name the certificate; {@code ski} needs every certificate
 *       to have a subject key identifier.</li>
 *   </ul>
 *   The two optional keys came later: files without them read as before, and sealmail writes
 *   them only when they are not the default, so such files stay readable by older versions.</li>
 * <li>After the blank line, the certificates: one or more PEM {@code CERTIFICATE} blocks and
 *     nothing else, in recipient order. The certificates' DER bytes are kept exactly; sealmail
 *     writes them as 64-column PEM with no blank line between blocks, and accepts any strict PEM
 *     (CRLF, other line lengths, blank lines between blocks) when reading.</li>
 * </ul>
 * Reading is strict: an unknown or repeated key, a missing key, a bad value, a block other than
 * CERTIFICATE, broken PEM, or a certificate that is not (or no longer) a usable recipient is
 * BAD_INPUT naming the file and the line, e.g.
 * {@code /srv/sealmail/accounts/alice@example.org.account: line 4: unknown cipher "des-cbc"; choose one of aes128-cbc, aes256-cbc}.
 * Writing rewrites the whole file, so comments added by hand are not kept.
 */
package org.sealmail.core.store;
