package kz.shlyuz.gateway.evidence;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import kz.shlyuz.gateway.config.EvidenceSettings;

/**
 * Encrypts bodies at rest with AES-GCM (96-bit random nonce, 128-bit tag; stored as nonce ||
 * ciphertext || tag) under the keystore's current key, and decrypts with whichever key a record
 * names: every secret key of the keystore stays usable, so rotating means adding a key and
 * naming it {@code currentKey}. The associated data binds a body to its part (request, answer…).
 */
public final class BodyCipher {
    private static final int NONCE_BYTES = 12;
    private static final BodyCipher OFF = new BodyCipher(Map.of(), null);
    private final Map<String, SecretKey> keys;
    private final String currentKey;
    private final SecureRandom random = new SecureRandom();

    private BodyCipher(Map<String, SecretKey> keys, String currentKey) {
        this.keys = keys;
        this.currentKey = currentKey;
    }

    /** Bodies stored as they are. */
    public static BodyCipher off() {
        return OFF;
    }

    /** The keys of the configured keystore; fails when the current key is not an AES key in it. */
    public static BodyCipher open(EvidenceSettings.Encryption settings) {
        if (settings == null) {
            return OFF;
        }
        char[] password =
                settings.password() == null ? new char[0] : settings.password().toCharArray();
        try (InputStream in = Files.newInputStream(settings.keystore())) {
            KeyStore store = KeyStore.getInstance(settings.type());
            store.load(in, password);
            Map<String, SecretKey> keys = new HashMap<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, password);
                    if (key instanceof SecretKey secret && "AES".equalsIgnoreCase(secret.getAlgorithm())) {
                        keys.put(alias, secret);
                    }
                }
            }
            if (!keys.containsKey(settings.currentKey())) {
                throw new IllegalArgumentException("evidence.encryption.currentKey: no AES key \""
                        + settings.currentKey() + "\" in " + settings.keystore());
            }
            return new BodyCipher(Map.copyOf(keys), settings.currentKey());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "evidence.encryption.keystore: cannot read " + settings.keystore() + " (" + e.getMessage() + ")",
                    e);
        }
    }

    public boolean enabled() {
        return currentKey != null;
    }

    /** The key new bodies are encrypted with, or null when encryption is off. */
    public String currentKey() {
        return currentKey;
    }

    /** {@link #seal(byte[], String)} of a body held as a ByteString; null for null. */
    public byte[] seal(ByteString plain, String part) {
        return plain == null ? null : seal(plain.toByteArray(), part);
    }

    /** The stored form of a body: encrypted when on, else the body itself. */
    public byte[] seal(byte[] plain, String part) {
        if (plain == null || currentKey == null) {
            return plain;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKey), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(part.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt an evidence body", e);
        }
    }

    /**
     * The plaintext of a stored body.
     *
     * @param keyId the key the record names, or null for a body stored in clear
     */
    public byte[] open(byte[] stored, String keyId, String part) {
        if (stored == null || keyId == null) {
            return stored;
        }
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException(
                    "the body is encrypted with key \"" + keyId + "\", which the configured keystore does not hold");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, NONCE_BYTES));
            cipher.updateAAD(part.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the " + part + " body does not decrypt with key \"" + keyId + "\" (changed, or another key)", e);
        }
    }
}
