package dev.kept.insight;

import dev.kept.chat.Message;
import dev.kept.promise.ActionIds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static dev.kept.insight.Story.ALICE;
import static dev.kept.insight.Story.BOB;
import static dev.kept.insight.Story.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

class HomePageTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    static Message page(List<Tracked> made, List<Tracked> received) {
        Stats stats = StatsCalculator.compute(ALICE, made, received, BERLIN, NOW);
        return HomePage.build(ALICE, BERLIN, NOW, stats, made, received);
    }

    static List<Message.Button> buttons(Message m) {
        return m.blocks().stream().filter(Message.Actions.class::isInstance)
                .flatMap(b -> ((Message.Actions) b).buttons().stream()).toList();
    }

    @Test
    void showsWhatWaitsForThemBothWaysWithTheButtonsToAct() {
        List<Tracked> made = List.of(
                Story.made("HHH2", ALICE, BOB, "2026-11-20T09:00:00Z", "2026-12-02T15:00:00Z").tracked(),
                Story.made("HHH3", ALICE, CAROL, "2026-11-20T09:00:00Z", "2026-11-27T15:00:00Z").tracked(),
                Story.requested("HHH4", ALICE, CAROL, "2026-11-29T09:00:00Z", "2026-12-04T15:00:00Z").tracked(),
                Story.made("HHH5", ALICE, BOB, "2026-11-20T09:00:00Z", "2026-11-25T15:00:00Z")
                        .delivered("2026-11-24T09:00:00Z").tracked());
        List<Tracked> received = List.of(
                Story.made("HHH6", BOB, ALICE, "2026-11-20T09:00:00Z", "2026-12-01T15:00:00Z").tracked(),
                Story.requested("HHH7", CAROL, ALICE, "2026-11-29T09:00:00Z", "2026-12-03T15:00:00Z").tracked());

        Message m = page(made, received);
        String text = Texts.of(m);

        assertThat(text).contains("Waiting for your answer\n@U333 asks you for request HHH4 by Friday 4 Dec, 16:00 (HHH4)\n"
                + "[I'll do it]\n[Suggest another date]\n[Can't take this on]");
        // soonest due first; the overdue one says so
        assertThat(text).contains("You promised\nHHH3 · promise HHH3 to @U333 · due Friday 27 Nov, 16:00 · overdue\n"
                + "[Mark delivered]\nHHH2 · promise HHH2 to @U222 · due Wednesday 2 Dec, 16:00\n[Mark delivered]\n"
                + "Promised to you");
        assertThat(text).contains("Promised to you\nHHH6 · promise HHH6 from @U222 · due Tuesday 1 Dec, 16:00");
        assertThat(text).contains("You asked, waiting for an answer\nHHH7 · request HHH7, asked of @U333 · by Thursday 3 Dec, 16:00");
        assertThat(text).doesNotContain("HHH5 ·");   // delivered: not open any more
        assertThat(text).contains("How you're doing").contains("Kept on time: 1 of 2 (50%)");

        assertThat(buttons(m)).extracting(b -> b.actionId() + "=" + b.value()).containsExactly(
                ActionIds.REQUEST_ACCEPT + "=HHH4", ActionIds.REQUEST_PROPOSE + "=HHH4", ActionIds.REQUEST_DECLINE + "=HHH4",
                ActionIds.DELIVER + "=HHH3", ActionIds.DELIVER + "=HHH2");
    }

    @Test
    void showsTheLatestFiveFeedbacksToThemAndThanksForTheirs() {
        List<Tracked> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String day = String.format("2026-11-%02d", 10 + i);
            made.add(Story.made("FFF" + (char) ('A' + i), ALICE, BOB, "2026-11-01T09:00:00Z", "2026-11-05T15:00:00Z")
                    .delivered("2026-11-04T09:00:00Z").rated("2026-11-05T09:00:00Z", 5)
                    .feedback(day + "T09:00:00Z", "better " + i, i == 6 ? "easier 6" : "", "").tracked());
        }
        List<Tracked> received = List.of(
                Story.made("TTT2", CAROL, ALICE, "2026-11-01T09:00:00Z", "2026-11-05T15:00:00Z")
                        .delivered("2026-11-04T09:00:00Z").rated("2026-11-05T09:00:00Z", 4)
                        .feedback("2026-11-06T09:00:00Z", "", "", "great work").thanked("2026-11-07T09:00:00Z")
                        .then("2026-11-07T10:00:00Z", (p, now) -> p.replyToFeedback(CAROL, "glad it helped", now))
                        .tracked());

        String text = Texts.of(page(made, received));

        assertThat(text).contains("Feedback to you\n@U222 on promise FFFG (FFFG), Monday 16 Nov, 10:00:\n"
                + "Even better: better 6\nWhat they could have done: easier 6\n@U222 on promise FFFF");
        assertThat(text).contains("better 2").doesNotContain("better 1").doesNotContain("better 0");
        assertThat(text).contains("Thanks for your feedback\n@U333 thanked you for your feedback on promise TTT2 "
                + "(Saturday 7 Nov, 10:00)\nTheir reply: glad it helped");
    }

    @Test
    void aRequestWithAnotherDateSuggestedSaysWhoseTurnItIs() {
        Tracked asked = Story.requested("PPP2", ALICE, BOB, "2026-11-29T09:00:00Z", "2026-12-01T15:00:00Z")
                .then("2026-11-29T10:00:00Z", (p, now) -> p.proposeDate(ALICE, Instant.parse("2026-12-04T15:00:00Z"),
                        "busy; note: early in the week", now)).tracked();
        Tracked mine = Story.requested("PPP3", BOB, ALICE, "2026-11-29T09:00:00Z", "2026-12-01T15:00:00Z")
                .then("2026-11-29T10:00:00Z", (p, now) -> p.proposeDate(BOB, Instant.parse("2026-12-03T15:00:00Z"), "", now))
                .tracked();

        String text = Texts.of(page(List.of(asked), List.of(mine)));

        assertThat(text).contains("@U222 asks you for request PPP2 by Tuesday 1 Dec, 16:00 (PPP2) · you suggested "
                + "Friday 4 Dec, 16:00; waiting for them");
        assertThat(text).contains("PPP3 · request PPP3, asked of @U222 · by Tuesday 1 Dec, 16:00 · they suggested "
                + "Thursday 3 Dec, 16:00; you can accept it from my message about it");
    }

    @Test
    void someoneNewIsWelcomedNotShownBlanks() {
        String text = Texts.of(page(List.of(), List.of()));

        assertThat(text).contains("You promised\nNothing open. Make a promise with `/promise @colleague what by when`.")
                .contains("Promised to you\nNothing open right now.")
                .contains("Feedback to you\nNone yet.")
                .contains("Thanks for your feedback\nNothing yet.")
                .doesNotContain("Waiting for your answer").doesNotContain("You asked");
    }

    @Test
    void longListsAreCappedSoThePageStaysWithinTheBlockLimit() {
        List<Tracked> made = new ArrayList<>();
        List<Tracked> received = new ArrayList<>();
        String longText = "&<>".repeat(400);
        for (int i = 0; i < 30; i++) {
            String id = "M" + Integer.toString(1000 + i).replace('0', 'X').replace('1', 'Y');
            made.add(Story.made(id + "A", ALICE, BOB, "2026-11-20T09:00:00Z", "2026-12-20T15:00:00Z").tracked());
            made.add(Story.requested(id + "B", ALICE, BOB, "2026-11-20T09:00:00Z", "2026-12-20T15:00:00Z").tracked());
            made.add(Story.made(id + "C", ALICE, BOB, "2026-11-01T09:00:00Z", "2026-11-05T15:00:00Z")
                    .delivered("2026-11-04T09:00:00Z").rated("2026-11-05T09:00:00Z", 5)
                    .feedback("2026-11-06T09:00:00Z", longText, longText, longText).tracked());
            received.add(Story.made(id + "D", BOB, ALICE, "2026-11-20T09:00:00Z", "2026-12-20T15:00:00Z").tracked());
            received.add(Story.requested(id + "E", BOB, ALICE, "2026-11-20T09:00:00Z", "2026-12-20T15:00:00Z").tracked());
            received.add(Story.made(id + "F", BOB, ALICE, "2026-11-01T09:00:00Z", "2026-11-05T15:00:00Z")
                    .delivered("2026-11-04T09:00:00Z").rated("2026-11-05T09:00:00Z", 5)
                    .feedback("2026-11-06T09:00:00Z", "x", "", "").thanked("2026-11-07T09:00:00Z")
                    .then("2026-11-07T10:00:00Z", (p, now) -> p.replyToFeedback(BOB, longText, now)).tracked());
        }

        Message m = page(made, received);
        String text = Texts.of(m);

        assertThat(m.blocks()).hasSizeLessThanOrEqualTo(HomePage.MOST_BLOCKS);
        assertThat(text).contains("…and 22 more: `/promise list` shows them all.")     // 30 promises, 8 shown
                .contains("…and 25 more: `/promise list` shows them all.");           // 30 requests, 5 shown
        assertThat(buttons(m).stream().filter(b -> b.actionId().equals(ActionIds.DELIVER))).hasSize(8);
        assertThat(buttons(m).stream().filter(b -> b.actionId().equals(ActionIds.REQUEST_ACCEPT))).hasSize(5);
        // Slack's limit is 3,000 characters a block once escaped: & < > become &amp; &lt; &gt;
        for (Message.Block block : m.blocks()) {
            if (block instanceof Message.Text t) {
                String escaped = t.text().toPlainString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
                assertThat(escaped.length()).isLessThan(3000);
            }
        }
    }

    @Test
    void clipsAtWholeCharacters() {
        assertThat(HomePage.clip("short", 10)).isEqualTo("short");
        assertThat(HomePage.clip("abcdefghijk", 5)).isEqualTo("abcd…");
        assertThat(HomePage.clip("🙂🙂🙂🙂🙂🙂", 3)).isEqualTo("🙂🙂…");
    }
}
