package dev.kept.teams;

import dev.kept.insight.WeeklyDigest;
import dev.kept.testing.teams.FakeBotFramework.Sent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes beyond one person's chat in Teams: an export offered as a file the person accepts (Teams'
 * file consent), and the weekly digest posted to a team's channel.
 */
@TestPropertySource(properties = {
        "kept.digest.teams-channel=" + TeamsExportAndDigestTest.CHANNEL,
        "kept.digest.day=MONDAY", "kept.digest.time=09:00", "kept.digest.zone=UTC"})
class TeamsExportAndDigestTest extends TeamsHttpTestSupport {

    static final String CHANNEL = "19:kept-team@thread.tacv2";

    @Autowired
    WeeklyDigest digest;

    @Test
    void anExportIsOfferedAsAFileAndUploadedWhenAccepted() {
        say(carol, "hi");
        awaitSent(dm(carol), s -> s.mentions("promise"));
        say(alice, "promise @carol the budget by friday 3pm");
        awaitSent(dm(carol), s -> s.mentions("promised you"));

        say(alice, "export");
        Sent offer = awaitSent(dm(alice), s -> s.activity().path("attachments").path(0).path("contentType").asString("")
                .equals(TeamsFiles.CONSENT_CARD));
        JsonNode consent = offer.activity().path("attachments").path(0);
        assertThat(consent.path("name").asString()).endsWith(".csv");

        assertThat(teams.post(kept(), teams.fileConsent(alice, consent.path("content").path("acceptContext"), true,
                "kept-export.csv", clock.instant()), clock.instant()).statusCode()).isEqualTo(200);
        Sent shown = awaitSent(dm(alice), s -> s.activity().path("attachments").path(0).path("contentType").asString("")
                .equals(TeamsFiles.INFO_CARD));
        assertThat(shown.activity().path("attachments").path(0).path("name").asString()).isEqualTo("kept-export.csv");
        assertThat(teams.uploads().get("kept-export.csv")).contains("the budget");

        // The offer is spent: accepting it again uploads nothing more and says so.
        teams.post(kept(), teams.fileConsent(alice, consent.path("content").path("acceptContext"), true,
                "again.csv", clock.instant()), clock.instant());
        awaitSent(dm(alice), s -> s.mentions("expired or was answered already"));
        assertThat(teams.uploads()).doesNotContainKey("again.csv");
    }

    @Test
    void theWeeklyDigestGoesToTheTeamsChannel() {
        say(carol, "hi");
        awaitSent(dm(carol), s -> s.mentions("promise"));
        say(alice, "promise @carol the budget by tomorrow 3pm");
        awaitSent(dm(carol), s -> s.mentions("promised you"));

        clock.set(Instant.parse("2026-11-30T09:05:00Z"));
        assertThat(digest.runNow()).isEqualTo(1);
        Sent posted = awaitSent(CHANNEL, s -> true);
        assertThat(posted.readable()).contains("Promises made");
    }
}
