package dev.kept.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PromiseIdTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            K7Q2         | K7Q2
            k7q2         | K7Q2
            K7q2         | K7Q2
            #K7Q2        | K7Q2
            #k7q2        | K7Q2
            '  #k7q2  '  | K7Q2
            '\\tK7Q2\\n' | K7Q2
            ZZZZZZZZZZ   | ZZZZZZZZZZ
            23456        | 23456
            """)
    void parseAcceptsWhatPeopleType(String typed, String expected) {
        assertThat(PromiseId.parse(typed.translateEscapes())).contains(new PromiseId(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "K0Q2", "K1Q2", "KIQ2", "KLQ2", "KOQ2", "KUQ2", // ambiguous letters and digits
            "kiq2", "klq2", "koq2", "kuq2", // ... also in lower case
            "K7Q", "K7", "#K7Q", // too short
            "K7Q2K7Q2K7Q", // eleven: too long
            "K7-Q2", "K7 Q2", "K7Q2!", "##K7Q2", "# K7Q2", "K7Q2#", "ÄBCD", "<@U1>"})
    void parseRefusesWhatIsNotAnId(String typed) {
        assertThat(PromiseId.parse(typed)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "#", "  #  "})
    void parseRefusesNothing(String typed) {
        assertThat(PromiseId.parse(typed)).isEmpty();
    }

    @Test
    void everyAmbiguousCharacterIsRefusedAndEveryOtherAlphanumericAccepted() {
        for (char c = '0'; c <= 'Z'; c++) {
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            boolean ambiguous = "01ILOU".indexOf(c) >= 0;
            assertThat(PromiseId.parse("K7Q" + c)).as("K7Q%s", c).matches(o -> o.isPresent() != ambiguous);
        }
    }

    @Test
    void theConstructorOnlyTakesTheCanonicalForm() {
        assertThat(new PromiseId("K7Q2").value()).isEqualTo("K7Q2");
        assertThat(new PromiseId("K7Q2")).hasToString("K7Q2");
        assertThatThrownBy(() -> new PromiseId("k7q2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PromiseId("#K7Q2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PromiseId(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomIdsAreValidAndParseBackToThemselves() {
        Random random = new Random(42);
        for (int length = 4; length <= 10; length++) {
            for (int i = 0; i < 200; i++) {
                PromiseId id = PromiseId.random(random, length);
                assertThat(id.value()).hasSize(length).doesNotContainAnyWhitespaces();
                assertThat(PromiseId.parse(id.value())).contains(id);
                assertThat(PromiseId.parse(id.value().toLowerCase())).contains(id);
                assertThat(PromiseId.parse("#" + id.value())).contains(id);
            }
        }
    }

    @Test
    void randomIdsUseTheWholeAlphabetAndNothingElse() {
        Random random = new Random(7);
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            for (char c : PromiseId.random(random, 4).value().toCharArray()) {
                seen.add(c);
            }
        }
        Set<Character> alphabet = new HashSet<>();
        for (char c : "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray()) {
            alphabet.add(c);
        }
        assertThat(seen).isEqualTo(alphabet);
        assertThat(PromiseId.ALPHABET).hasSize(30).doesNotContain("0", "1", "I", "L", "O", "U");
    }

    @Test
    void randomIdsDiffer() {
        Random random = new Random(1);
        Set<PromiseId> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(PromiseId.random(random, 6));
        }
        // 30^6 = 729 million possibilities: a thousand draws practically never collide
        assertThat(ids).hasSize(1_000);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 11})
    void randomRefusesLengthsOutsideFourToTen(int length) {
        assertThatThrownBy(() -> PromiseId.random(new Random(3), length)).isInstanceOf(IllegalArgumentException.class);
    }
}
