#!/bin/sh
# Whole-process comparison (issue 6 part 4): the sealmail CLI against openssl cms on one generated
# message, encrypt and decrypt, runs alternating between the two, wall time and peak RSS from
# /usr/bin/time -v. Prints a table with ratios, and writes the medians as TSV for bench/RESULTS.md.
# Every output is checked: each tool's encrypted message must decrypt back to the input (SHA-256).
#
#   bench/vs-openssl.sh [--size-mib N] [--runs N] [--tsv FILE]     (defaults: 256 MiB, 3 runs)
#
# The message is generated in a temporary folder (never stored) and deleted at the end.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
size_mib=256
runs=3
tsv="$here/bench/target/vs-openssl.tsv"
while [ $# -gt 0 ]; do
    case "$1" in
        --size-mib) size_mib=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --tsv) tsv=$2; shift 2 ;;
        *) echo "usage: $0 [--size-mib N] [--runs N] [--tsv FILE]" >&2; exit 64 ;;
    esac
done
for tool in openssl /usr/bin/time sha256sum java; do
    command -v "$tool" >/dev/null || { echo "vs-openssl: $tool is needed" >&2; exit 69; }
done

cert="$here/testdata/pki/rsa2048.pem"
key="$here/testdata/pki/rsa2048.key"
work=$(mktemp -d "${TMPDIR:-/tmp}/sealmail-vs-openssl.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# The CLI is built before anything is timed, so no run pays for a build.
"$here/sealmail" --help >/dev/null

# A message sealmail gives back byte for byte: CRLF lines, MIME-Version present, the Content-*
# fields last (decryption puts them after the other fields). The body is base64 of random bytes,
# like an attachment; openssl encrypts the same file (-binary: as it is).
message="$work/message.eml"
{
    printf 'From: Alice <alice@example.org>\r\nTo: Bob <bob@example.org>\r\n'
    printf 'Subject: vs-openssl %s MiB\r\nMIME-Version: 1.0\r\n' "$size_mib"
    printf 'Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n'
    # 57 input bytes per 76-character line: about size_mib MiB of lines in all
    head -c $((size_mib * 1024 * 1024 / 78 * 57)) /dev/urandom | base64 -w 76 | sed 's/$/\r/'
} >"$message"
expected=$(sha256sum <"$message" | cut -d' ' -f1)
bytes=$(wc -c <"$message")

# timed NAME COMMAND...: runs COMMAND under /usr/bin/time -v, appends "NAME wall_s rss_kib" to $work/runs
timed() {
    name=$1
    shift
    if ! /usr/bin/time -v -o "$work/time.txt" "$@" 2>"$work/stderr.txt"; then
        echo "vs-openssl: $name failed:" >&2
        cat "$work/stderr.txt" "$work/time.txt" >&2
        exit 70
    fi
    awk -v name="$name" '
        /Elapsed \(wall clock\) time/ {
            n = split($NF, part, ":"); wall = 0
            for (i = 1; i <= n; i++) wall = wall * 60 + part[i]
        }
        /Maximum resident set size/ { rss = $NF }
        END { printf "%s %.2f %d\n", name, wall, rss }' "$work/time.txt" >>"$work/runs"
}

check() {
    actual=$(sha256sum <"$2" | cut -d' ' -f1)
    if [ "$actual" != "$expected" ]; then
        echo "vs-openssl: $1 did not give back the input (sha256 $actual, expected $expected)" >&2
        exit 70
    fi
}

: >"$work/runs"
i=1
while [ "$i" -le "$runs" ]; do
    timed encrypt/sealmail "$here/sealmail" encrypt --cert "$cert" --cipher aes256-cbc --in "$message" --out "$work/sealmail.eml"
    timed encrypt/openssl openssl cms -encrypt -binary -stream -aes256 -in "$message" -out "$work/openssl.eml" "$cert"
    timed decrypt/sealmail "$here/sealmail" decrypt --key "$key" --in "$work/sealmail.eml" --out "$work/sealmail.out"
    check "sealmail encrypt + decrypt" "$work/sealmail.out"
    rm -f "$work/sealmail.out"
    timed decrypt/openssl openssl cms -decrypt -binary -in "$work/openssl.eml" -inkey "$key" -recip "$cert" -out "$work/openssl.out"
    check "openssl cms encrypt + decrypt" "$work/openssl.out"
    rm -f "$work/openssl.out"
    i=$((i + 1))
done

# medians per operation and tool
median() {
    awk -v name="$1" -v column="$2" '$1 == name { print $column }' "$work/runs" | sort -n \
        | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
mkdir -p "$(dirname "$tsv")"
{
    echo "# $(date -u +%Y-%m-%d): one message of $bytes bytes ($size_mib MiB), aes256-cbc, one RSA-2048 recipient; $runs runs of each, alternating; medians. sealmail through ./sealmail (JVM start included); openssl $(openssl version | cut -d' ' -f2) cms -encrypt -binary -stream and cms -decrypt."
    for operation in encrypt decrypt; do
        for tool in sealmail openssl; do
            printf '%s\t%s\t%s\t%s\n' "$operation" "$tool" "$(median "$operation/$tool" 2)" "$(median "$operation/$tool" 3)"
        done
    done
} >"$tsv"

awk -F'\t' '
    /^#/ { print substr($0, 3); print ""; next }
    { wall[$1, $2] = $3; rss[$1, $2] = $4 }
    END {
        printf "%-8s %12s %12s %9s %14s %14s %9s\n", "", "sealmail s", "openssl s", "ratio", "sealmail MB", "openssl MB", "ratio"
        split("encrypt decrypt", ops, " ")
        for (i = 1; i <= 2; i++) {
            op = ops[i]
            printf "%-8s %12.2f %12.2f %9.2f %14.0f %14.0f %9.2f\n", op, wall[op, "sealmail"], wall[op, "openssl"],
                wall[op, "sealmail"] / wall[op, "openssl"], rss[op, "sealmail"] * 1024 / 1e6,
                rss[op, "openssl"] * 1024 / 1e6, rss[op, "sealmail"] / rss[op, "openssl"]
        }
    }' "$tsv"
echo "(medians written to $tsv; all outputs decrypted back to the input)"
