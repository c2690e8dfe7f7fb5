package dev.kept.promise;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A short id people can type, unique within a workspace, e.g. {@code K7Q2}. The alphabet leaves
 * out 0, 1, I, L, O and U so that ids read aloud or retyped are not mistaken for each other.
 */
public record PromiseId(String value) {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORM = Pattern.compile("[" + ALPHABET + "]{4,10}");

    public PromiseId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a promise id: " + value);
        }
    }

    /** Reads an id as a person typed it: any case, with or without a leading '#'. */
    public static Optional<PromiseId> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String s = typed.strip();
        if (s.startsWith("#")) {
            s = s.substring(1);
        }
        s = s.toUpperCase(Locale.ROOT);
        return FORM.matcher(s).matches() ? Optional.of(new PromiseId(s)) : Optional.empty();
    }

    public static PromiseId random(RandomGenerator random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new PromiseId(new String(chars));
    }

    @Override
    public String toString() {
        return value;
    }
}
