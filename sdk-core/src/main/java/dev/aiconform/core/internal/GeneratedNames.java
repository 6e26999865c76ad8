package dev.aiconform.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The names Kubernetes generates, made deterministic: {@code generateName} suffixes (five
 * characters of apimachinery's vowel-free alphabet, the base cut to 58 characters) and the encoding
 * of template hashes ({@code pod-template-hash}, {@code controller-revision-hash}).
 */
public final class GeneratedNames {
  /** apimachinery pkg/util/rand: no vowels, no 0, 1 or 3, so suffixes never spell words. */
  public static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  /** apiserver pkg/storage/names: MaxGeneratedNameLength = 63 - 5. */
  public static final int MAX_GENERATED_NAME_LENGTH = 58;

  private static final int SUFFIX_LENGTH = 5;

  private GeneratedNames() {}

  /** A generated name, and the attempt to start from for the next name of the same base. */
  public record Generated(String name, String key, long nextAttempt) {}

  /**
   * A name for {@code generateName}: the base (cut to 58 characters) and a five-character suffix
   * derived from {@code scope}, the base and an attempt number, the first one {@code taken} does
   * not reject. {@code attempts} holds, per {@link Generated#key()}, where to start; the caller
   * records {@link Generated#nextAttempt()} once the name is used, so generating many names from
   * one base stays linear and a rejected object gets the same name when it is tried again.
   */
  public static Generated generate(
      String scope, String base, Map<String, Long> attempts, Predicate<String> taken) {
    String prefix =
        base.length() > MAX_GENERATED_NAME_LENGTH
            ? base.substring(0, MAX_GENERATED_NAME_LENGTH)
            : base;
    String key = scope + "\u0000" + base;
    for (long attempt = attempts.getOrDefault(key, 0L); ; attempt++) {
      String name = prefix + suffix(fnv64(key + "\u0000" + attempt));
      if (!taken.test(name)) {
        return new Generated(name, key, attempt + 1);
      }
    }
  }

  private static String suffix(long hash) {
    StringBuilder sb = new StringBuilder(SUFFIX_LENGTH);
    long h = hash;
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      sb.append(ALPHABET.charAt((int) Long.remainderUnsigned(h, ALPHABET.length())));
      h = Long.divideUnsigned(h, ALPHABET.length());
    }
    return sb.toString();
  }

  /**
   * A template hash as Kubernetes prints it: the 32-bit FNV-1a hash of {@code content}, its decimal
   * digits mapped through the alphabet (apimachinery's SafeEncodeString), such as {@code
   * 7d4b9c8f5}.
   */
  public static String templateHash(String content) {
    String decimal = Integer.toUnsignedString(fnv32a(content.getBytes(StandardCharsets.UTF_8)));
    StringBuilder sb = new StringBuilder(decimal.length());
    for (int i = 0; i < decimal.length(); i++) {
      sb.append(ALPHABET.charAt(decimal.charAt(i) % ALPHABET.length()));
    }
    return sb.toString();
  }

  static int fnv32a(byte[] data) {
    int h = 0x811c9dc5;
    for (byte b : data) {
      h ^= (b & 0xff);
      h *= 0x01000193;
    }
    return h;
  }

  static long fnv64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
