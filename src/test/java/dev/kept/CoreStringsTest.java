package dev.kept;

import dev.kept.chat.Markup;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: the core writes no platform's markup into its texts. Kept shows a command as code with a
 * {@link Markup.Code} span, which each adapter renders natively; a backtick in a core string would reach
 * Teams and the playground as a stray backtick (and on Slack would start code nobody closed).
 *
 * <p>The check reads the compiled classes of the core packages, not their sources: every string constant in
 * a class file's constant pool (literals, text blocks, and the recipes of string concatenations), and
 * nothing from comments.
 */
class CoreStringsTest {

    static final List<String> CORE = List.of("promise", "nudge", "feedback", "insight", "privacy", "chat");

    @Test
    void noStringInTheCoreCarriesABacktick() throws Exception {
        Path classes = Path.of(Markup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, List<String>> found = new TreeMap<>();
        int scanned = 0;
        for (String pkg : CORE) {
            Path dir = classes.resolve("dev/kept/" + pkg);
            assertThat(dir).as("compiled core package " + pkg).isDirectory();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(f -> f.toString().endsWith(".class")).toList();
            }
            for (Path f : files) {
                for (String s : stringConstants(Files.readAllBytes(f))) {
                    scanned++;
                    if (s.indexOf('`') >= 0) {
                        found.computeIfAbsent(classes.relativize(f).toString(), k -> new ArrayList<>()).add(s);
                    }
                }
            }
        }
        assertThat(scanned).as("string constants read from the core").isGreaterThan(500);
        assertThat(found).as("core strings with a backtick: write the command as Markup.Code instead "
                + "(Markup.builder().code(\"/promise list\"))").isEmpty();
    }

    /** The scan would see a backtick in each kind of string a class can carry. */
    @Test
    void theScanSeesLiteralsTextBlocksAndConcatenations() throws IOException {
        byte[] bytes;
        try (InputStream in = Sample.class.getResourceAsStream("CoreStringsTest$Sample.class")) {
            bytes = in.readAllBytes();
        }
        List<String> strings = stringConstants(bytes);
        assertThat(strings).contains("Try `/promise list`.", "Use `/promise done K7Q2`.\n")
                .anySatisfy(s -> assertThat(s).startsWith("Use `/promise done ").endsWith("`."));
    }

    @SuppressWarnings("unused")
    private static final class Sample {
        static String literal() {
            return "Try `/promise list`.";
        }

        static String block() {
            return """
                    Use `/promise done K7Q2`.
                    """;
        }

        static String concatenated(String id) {
            return "Use `/promise done " + id + "`.";
        }
    }

    /** The CONSTANT_String entries of a class file's constant pool (JVMS 4.4). */
    static List<String> stringConstants(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();   // minor
        in.readUnsignedShort();   // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> strings = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();                       // Utf8 (modified UTF-8, as readUTF reads it)
                case 8 -> strings.add(in.readUnsignedShort());          // String
                case 7, 16, 19, 20 -> in.skipBytes(2);                  // Class, MethodType, Module, Package
                case 15 -> in.skipBytes(3);                             // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);    // Integer, Float, refs, NameAndType, (Invoke)Dynamic
                case 5, 6 -> {                                          // Long, Double: two entries
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        List<String> out = new ArrayList<>();
        for (int index : strings) {
            out.add(utf8[index]);
        }
        return out;
    }
}
