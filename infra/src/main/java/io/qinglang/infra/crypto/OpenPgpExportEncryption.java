package io.qinglang.infra.crypto;

import io.qinglang.admin.export.application.ExportEncryption;
import jakarta.enterprise.context.ApplicationScoped;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Date;

/**
 * Exports as OpenPGP messages (RFC 4880) encrypted to a passphrase: AES-256, integrity-protected (MDC), the key derived
 * with iterated and salted SHA-256 S2K at the largest count (65,011,712 bytes hashed, as GnuPG does). A body opens its
 * archive with {@code gpg --decrypt FILE > export.zip}; {@code ./qinglang audit-verify --export FILE} opens it here.
 */
@ApplicationScoped
public class OpenPgpExportEncryption implements ExportEncryption {

    private static final int S2K_COUNT = 0xff;
    private static final int BUFFER = 1 << 16;
    private final SecureRandom random = new SecureRandom();

    @Override
    public OutputStream encrypting(OutputStream out, char[] passphrase, String innerFileName) {
        try {
            PGPEncryptedDataGenerator encrypted = new PGPEncryptedDataGenerator(
                    new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true)
                            .setSecureRandom(random));
            encrypted.addMethod(new BcPBEKeyEncryptionMethodGenerator(passphrase,
                    new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256), S2K_COUNT).setSecureRandom(random));
            OutputStream encryptedOut = encrypted.open(out, new byte[BUFFER]);
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            OutputStream literalOut = literal.open(encryptedOut, PGPLiteralData.BINARY, innerFileName, new Date(),
                    new byte[BUFFER]);
            return new Finishing(literalOut, literal, encrypted, out);
        } catch (PGPException | IOException e) {
            throw new IllegalStateException("cannot start the export's encryption", e);
        }
    }

    /** Writes the file's bytes; closing ends the literal data, then the encrypted data, then the stream below. */
    private static final class Finishing extends FilterOutputStream {
        private final PGPLiteralDataGenerator literal;
        private final PGPEncryptedDataGenerator encrypted;
        private final OutputStream target;

        Finishing(OutputStream literalOut, PGPLiteralDataGenerator literal, PGPEncryptedDataGenerator encrypted,
                  OutputStream target) {
            super(literalOut);
            this.literal = literal;
            this.encrypted = encrypted;
            this.target = target;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            literal.close();
            encrypted.close();
            target.close();
        }
    }

    @Override
    public InputStream decrypting(InputStream in, char[] passphrase) {
        try {
            BcPGPObjectFactory outer = new BcPGPObjectFactory(PGPUtil.getDecoderStream(in));
            Object first = outer.nextObject();
            PGPEncryptedDataList list = first instanceof PGPEncryptedDataList l ? l : (PGPEncryptedDataList) outer.nextObject();
            PGPPBEEncryptedData data = (PGPPBEEncryptedData) list.get(0);
            InputStream clear = data.getDataStream(new BcPBEDataDecryptorFactory(passphrase,
                    new BcPGPDigestCalculatorProvider()));
            BcPGPObjectFactory inner = new BcPGPObjectFactory(clear);
            Object message = inner.nextObject();
            if (message instanceof PGPCompressedData compressed) {
                message = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
            }
            if (!(message instanceof PGPLiteralData literal)) {
                throw new IOException("not an export: the encrypted message holds no file");
            }
            return new FilterInputStream(literal.getInputStream()) {
                private boolean verified;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    return b < 0 ? atEnd(b) : b;
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    int n = super.read(bytes, offset, length);
                    return n < 0 ? atEnd(n) : n;
                }

                private int atEnd(int end) throws IOException {
                    if (!verified) {
                        try {
                            if (!data.isIntegrityProtected() || !data.verify()) {
                                throw new IOException("the export was altered: its integrity check fails");
                            }
                        } catch (PGPException e) {
                            throw new IOException("the export's integrity cannot be checked: " + e.getMessage(), e);
                        }
                        verified = true;
                    }
                    return end;
                }
            };
        } catch (PGPException e) {
            throw new UncheckedIOException(new IOException("cannot open the export: wrong passphrase, or not an export ("
                    + e.getMessage() + ")", e));
        } catch (IOException | ClassCastException | IndexOutOfBoundsException e) {
            throw new UncheckedIOException(new IOException("not an export encrypted to a passphrase: " + e.getMessage(), e));
        }
    }
}
