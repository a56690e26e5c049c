#!/bin/sh
# Makes every certificate, key and PKCS#12 file the tests use, with openssl alone.
# Run from anywhere: ./testdata/generate.sh   (needs OpenSSL 3)
# The files are committed; rerun only to change or add test data. Keys here are
# test keys: they protect nothing.
set -eu
cd "$(dirname "$0")"
OUT=pki
rm -rf "$OUT" && mkdir -p "$OUT"
cd "$OUT"

# A throwaway CA so we can set exact validity dates and extensions.
cat > ca.cnf <<'CNF'
[ ca ]
default_ca = testca
[ testca ]
database = index.txt
new_certs_dir = .
serial = serial.txt
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
[ anything ]
commonName = supplied
emailAddress = optional
[ ext_ca ]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ ext_smime ]
basicConstraints = CA:false
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ ext_signonly ]
basicConstraints = CA:false
keyUsage = critical,digitalSignature
extendedKeyUsage = emailProtection
[ ext_nokeyusage ]
basicConstraints = CA:false
CNF
: > index.txt
echo 1000 > serial.txt

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out ca.key 2>/dev/null
openssl req -new -x509 -key ca.key -days 7300 -subj "/CN=sealmail Test CA" \
  -config ca.cnf -extensions ext_ca -out ca.pem

# issue NAME SUBJECT EXT [ca args...]: a CA-signed certificate for NAME.key
issue() {
  name=$1; subj=$2; ext=$3; shift 3
  openssl req -new -key "$name.key" -subj "$subj" -out "$name.csr"
  openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca.key -extensions "$ext" \
    -in "$name.csr" -out "$name.pem" -notext "$@" 2>/dev/null
  rm -f "$name.csr"
}

for bits in 2048 3072 4096; do
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:$bits -out rsa$bits.key 2>/dev/null
  issue rsa$bits "/CN=Alice RSA $bits/emailAddress=alice$bits@example.org" ext_smime -days 7300
done

# Three recipients of one bundle (key rotation, shared mailbox).
for n in 1 2 3; do
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out bundle$n.key 2>/dev/null
  issue bundle$n "/CN=Bundle member $n/emailAddress=member$n@example.org" ext_smime -days 7300
done
cat bundle1.pem bundle2.pem bundle3.pem > bundle-of-3.pem

# Certificates that must be refused or warned about.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out rsa1024.key 2>/dev/null
issue rsa1024 "/CN=Weak RSA 1024" ext_smime -days 7300
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.key 2>/dev/null
issue ec "/CN=EC P-256" ext_smime -days 7300
openssl genpkey -algorithm ED25519 -out ed25519.key 2>/dev/null
issue ed25519 "/CN=Ed25519" ext_signonly -days 7300
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out signonly.key 2>/dev/null
issue signonly "/CN=Signing only" ext_signonly -days 7300
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out nokeyusage.key 2>/dev/null
issue nokeyusage "/CN=No keyUsage extension" ext_nokeyusage -days 7300
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out expired.key 2>/dev/null
issue expired "/CN=Expired" ext_smime -startdate 20200101000000Z -enddate 20210101000000Z
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out future.key 2>/dev/null
issue future "/CN=Not yet valid" ext_smime -startdate 20500101000000Z -enddate 20510101000000Z

# DER forms and a CRL (ignored next to certificates).
openssl x509 -in rsa2048.pem -outform DER -out rsa2048.der
openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca.key -gencrl -crldays 7300 -out ca-crl.pem 2>/dev/null

# PKCS#12 in the legacy form gpgsm and NSS import here, empty password.
for name in rsa2048 rsa3072 rsa4096 bundle1 bundle2 bundle3; do
  openssl pkcs12 -export -in $name.pem -inkey $name.key -name $name \
    -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1 -passout pass: -out $name-legacy.p12
done

# Private key files for `sealmail decrypt --key` (core/keys tests), all holding the rsa2048 key.
# Password "sealmail-test" wherever there is one.
PASS=pass:sealmail-test
# OpenSSL 3's default PKCS#12: PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) for key and certificate, MAC HMAC-SHA256.
openssl pkcs12 -export -in rsa2048.pem -inkey rsa2048.key -name rsa2048 -passout $PASS -out rsa2048-modern.p12
# -legacy (needs OpenSSL's legacy provider): RC2-40 for the certificate, 3DES for the key, MAC HMAC-SHA1.
openssl pkcs12 -export -legacy -in rsa2048.pem -inkey rsa2048.key -name rsa2048 -passout $PASS -out rsa2048-legacy-rc2.p12
# Modern, with the CA certificate too: keyCertificates vs otherCertificates (-clcerts / -cacerts).
openssl pkcs12 -export -in rsa2048.pem -inkey rsa2048.key -certfile ca.pem -name rsa2048 -passout $PASS \
  -out rsa2048-chain.p12
# Without a MAC, and also without encryption (empty password): fuzzing seeds whose damage reaches the bags.
openssl pkcs12 -export -nomac -in rsa2048.pem -inkey rsa2048.key -name rsa2048 -passout $PASS -out rsa2048-nomac.p12
openssl pkcs12 -export -nomac -keypbe NONE -certpbe NONE -in rsa2048.pem -inkey rsa2048.key -name rsa2048 -passout pass: \
  -out rsa2048-plain.p12
# PKCS#1 "RSA PRIVATE KEY".
openssl rsa -in rsa2048.key -traditional -out rsa2048-pkcs1.pem 2>/dev/null
# The same key as unencrypted PKCS#8 in DER (a binary key file, no PEM armor).
openssl pkcs8 -topk8 -nocrypt -in rsa2048.key -outform DER -out rsa2048-pkcs8.der
# "ENCRYPTED PRIVATE KEY": PKCS#8 under PBES2 (AES-256-CBC, PBKDF2-HMAC-SHA256).
openssl pkcs8 -topk8 -in rsa2048.key -v2 aes-256-cbc -v2prf hmacWithSHA256 -passout $PASS -out rsa2048-encrypted.pem
# Key and certificate in one PEM as `openssl pkcs12 -nodes` writes it: "Bag Attributes" text, certificate first.
openssl pkcs12 -in rsa2048-modern.p12 -passin $PASS -nodes -out rsa2048-with-cert.pem
# OpenSSL's old encrypted PEM (Proc-Type: 4,ENCRYPTED / DEK-Info): must be refused with a conversion hint.
openssl rsa -in rsa2048.key -aes256 -traditional -passout $PASS -out rsa2048-traditional-encrypted.pem 2>/dev/null

# Key agreement recipients (EC, X25519, X448), added after the files above; each is issued with
# `openssl x509 -req` and a fixed serial, so this block runs alone on top of the existing CA:
#   sed -n '/^# Key agreement recipients/,/^# End of key agreement recipients/p' generate.sh | (cd pki && sh -eu)
cat > ext-kari.cnf <<'CNF'
[ ext_kari ]
basicConstraints = CA:false
keyUsage = critical,keyAgreement
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ ext_noski ]
basicConstraints = CA:false
keyUsage = critical,keyEncipherment
subjectKeyIdentifier = none
CNF
# sign NAME SUBJECT SERIAL EXT [PUBKEY]: NAME.pem for NAME.key (or for the public key PUBKEY, whose
# private key cannot sign a request: X25519/X448; the request is then signed by the CA key).
sign() {
  name=$1; subj=$2; serial=$3; ext=$4; pub=${5:-}
  if [ -n "$pub" ]; then
    openssl req -new -key ca.key -subj "$subj" -out "$name.csr"
    openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -set_serial "$serial" -days 7300 \
      -force_pubkey "$pub" -extfile ext-kari.cnf -extensions "$ext" -out "$name.pem" 2>/dev/null
  else
    openssl req -new -key "$name.key" -subj "$subj" -out "$name.csr"
    openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -set_serial "$serial" -days 7300 \
      -extfile ext-kari.cnf -extensions "$ext" -out "$name.pem" 2>/dev/null
  fi
  rm -f "$name.csr"
}
serial=8192
for curve in P-256 P-384 P-521; do
  name=ec-$(echo $curve | tr -d - | tr P p)
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:$curve -out $name.key 2>/dev/null
  serial=$((serial + 1))
  sign $name "/CN=Carol EC $curve/emailAddress=carol-$name@example.org" $serial ext_kari
  openssl pkcs12 -export -in $name.pem -inkey $name.key -name $name \
    -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1 -passout pass: -out $name-legacy.p12
  openssl pkcs12 -export -in $name.pem -inkey $name.key -name $name -passout pass:sealmail-test -out $name-modern.p12
done
# The P-256 key as SEC1 "EC PRIVATE KEY" (named curve) and as encrypted PKCS#8.
openssl ec -in ec-p256.key -out ec-p256-sec1.pem 2>/dev/null
openssl pkcs8 -topk8 -in ec-p256.key -v2 aes-256-cbc -v2prf hmacWithSHA256 -passout pass:sealmail-test \
  -out ec-p256-encrypted.pem
# A curve sealmail refuses.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1 -out ec-secp256k1.key 2>/dev/null
sign ec-secp256k1 "/CN=EC secp256k1" 8200 ext_kari
for algorithm in X25519 X448; do
  name=$(echo $algorithm | tr X x)
  openssl genpkey -algorithm $algorithm -out $name.key 2>/dev/null
  openssl pkey -in $name.key -pubout -out $name-public.pem
  serial=$((serial + 1))
  sign $name "/CN=Dave $algorithm/emailAddress=dave-$name@example.org" $serial ext_kari $name-public.pem
  rm -f $name-public.pem
  openssl pkcs12 -export -in $name.pem -inkey $name.key -name $name -passout pass:sealmail-test -out $name-modern.p12
done
# An RSA certificate without a subject key identifier (--rid ski cannot name it).
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa2048-noski.key 2>/dev/null
sign rsa2048-noski "/CN=Alice RSA 2048 without SKI" 8210 ext_noski
rm -f ext-kari.cnf
# End of key agreement recipients

rm -f index.txt* serial.txt* ./*.old 1000.pem 10??.pem

# Sample messages that are really encrypted (the pass-through tests), made from sample.eml.
cd ../messages
openssl cms -encrypt -aes256 -in sample.eml -from 'Bob <bob@example.net>' -to 'Alice <alice2048@example.org>' \
  -subject 'Quarterly numbers' -out already-smime-real.eml ../pki/rsa2048.pem
openssl cms -encrypt -aes-256-gcm -in sample.eml -from 'Bob <bob@example.net>' -to 'Alice <alice2048@example.org>' \
  -subject 'Quarterly numbers' -out already-smime-authenveloped.eml ../pki/rsa2048.pem

# CMS objects as other tools write them: seeds for the fuzzing tests (core/src/test/.../fuzz).
# BER from `openssl cms -stream` and NSS (indefinite lengths, chunked OCTET STRINGs), DER otherwise.
cd ..
rm -rf cms && mkdir -p cms
openssl cms -encrypt -aes128 -stream -outform DER -in messages/sample.eml -out cms/openssl-stream.ber pki/rsa2048.pem
openssl cms -encrypt -aes256 -outform DER -in messages/sample.eml -out cms/openssl-two-recipients.der \
  pki/rsa2048.pem pki/bundle1.pem
openssl cms -encrypt -aes256 -keyid -outform DER -in messages/sample.eml -out cms/openssl-keyid.der pki/rsa2048.pem
openssl cms -encrypt -aes128 -stream -outform PEM -in messages/sample.eml -out cms/openssl-stream.pem pki/rsa2048.pem
openssl cms -encrypt -aes128 -stream -in messages/sample.eml -out cms/openssl-stream.eml pki/rsa2048.pem
NSSDB=$(mktemp -d)
certutil -N -d sql:"$NSSDB" --empty-password
certutil -A -d sql:"$NSSDB" -n rsa2048 -t ,, -i pki/rsa2048.pem
cmsutil -E -d sql:"$NSSDB" -r rsa2048 -i messages/sample.eml -o cms/nss.ber
rm -rf "$NSSDB"
