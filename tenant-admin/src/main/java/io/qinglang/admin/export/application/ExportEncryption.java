package io.qinglang.admin.export.application;

import java.io.InputStream;
import java.io.OutputStream;

/** Encryption of an export to a passphrase, in a format its body can open with standard tools. */
public interface ExportEncryption {

    /** A stream that encrypts what is written to it into {@code out}; closing it finishes the encrypted data. */
    OutputStream encrypting(OutputStream out, char[] passphrase, String innerFileName);

    /** The plaintext of an encrypted export; a wrong passphrase or altered data fails with an IOException. */
    InputStream decrypting(InputStream in, char[] passphrase);
}
