package io.ferbench.worker.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 digest over labelled fields, naming a prepared dataset's cache entry. Files enter by absolute path,
 * size and modification time: a cheap fingerprint that changes whenever a file is replaced or edited.
 */
public final class CacheKey {
    private final MessageDigest digest;

    public CacheKey() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public CacheKey add(String label, Object value) {
        // Length-prefixed so that ("ab","c") and ("a","bc") differ.
        byte[] bytes = (label + "=" + value).getBytes(StandardCharsets.UTF_8);
        digest.update((byte) (bytes.length >>> 24));
        digest.update((byte) (bytes.length >>> 16));
        digest.update((byte) (bytes.length >>> 8));
        digest.update((byte) bytes.length);
        digest.update(bytes);
        return this;
    }

    /** Adds a file's absolute path, size and modification time (or that it is missing). */
    public CacheKey addFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
            return add("file", absolute + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toInstant());
        } catch (IOException e) {
            return add("file", absolute + "|missing");
        }
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
