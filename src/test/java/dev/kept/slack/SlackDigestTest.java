package dev.kept.slack;

import dev.kept.chat.Person;
import dev.kept.insight.WeeklyDigest;
import dev.kept.promise.FollowUps;
import dev.kept.promise.Promise;
import dev.kept.promise.PromiseService;
import dev.kept.promise.PromiseStore;
import dev.kept.testing.slack.FakeSlackApi.Call;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.util.List;

import static dev.kept.slack.SlackAppHomeTest.DIGEST_CHANNEL;
import static dev.kept.slack.SlackAppHomeTest.readable;
import static org.assertj.core.api.Assertions.assertThat;

/** The weekly digest in the channel, as Slack receives it: totals and thanks, never a person's rating or words. */
@TestPropertySource(properties = {"kept.nudges.enabled=false", "kept.digest.channel=" + SlackAppHomeTest.DIGEST_CHANNEL,
        "kept.digest.poll=1h"})
class SlackDigestTest extends SlackHttpTestSupport {

    static final Person ALICE = WS.person("U111");
    static final Person BOB = WS.person("U222");
    static final Person CAROL = WS.person("U333");

    static final List<String> SECRETS = List.of("SECRET-BETTER the budget had errors", "SECRET-EASIER I sent my numbers late",
            "SECRET-THANKS you tried", "SECRET-CAROL thanks a lot");

    @Autowired
    PromiseService promises;

    @Autowired
    PromiseStore store;

    @Autowired
    WeeklyDigest digest;

    void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    void feedback(Promise p, String better, String easier, String thanks) {
        Promise current = store.find(WS, p.id()).orElseThrow();
        assertThat(store.apply(current.giveFeedback(current.receiverId(), better, easier, thanks, clock.instant()),
                FollowUps.Plan.none())).isTrue();
    }

    @Test
    void theDigestNeverQuotesFeedbackNorShowsAnyonesLowRating() {
        // Monday 23 Nov 09:00 UTC: three promises for the week.
        Promise budget = promises.make(ALICE, BOB.userId(), "the budget", "", Instant.parse("2026-11-24T15:00:00Z")).promise();
        Promise dashboard = promises.make(CAROL, BOB.userId(), "the dashboard", "", Instant.parse("2026-11-26T15:00:00Z")).promise();
        Promise notes = promises.make(BOB, CAROL.userId(), "the release notes", "", Instant.parse("2026-11-27T15:00:00Z")).promise();

        at("2026-11-25T10:00:00Z");       // Alice delivers a day late; Bob gives it 1 star and says why
        promises.deliver(ALICE, budget.id());
        at("2026-11-25T11:00:00Z");
        promises.rate(BOB, budget.id(), 1);
        at("2026-11-25T12:00:00Z");
        feedback(budget, SECRETS.get(0), SECRETS.get(1), SECRETS.get(2));
        at("2026-11-26T10:00:00Z");
        promises.deliver(CAROL, dashboard.id());
        at("2026-11-26T11:00:00Z");
        promises.rate(BOB, dashboard.id(), 5);
        at("2026-11-27T10:00:00Z");
        promises.deliver(BOB, notes.id());
        at("2026-11-27T11:00:00Z");
        promises.rate(CAROL, notes.id(), 4);
        at("2026-11-27T12:00:00Z");
        feedback(notes, "", "", SECRETS.get(3));

        at("2026-11-30T09:00:00Z");
        assertThat(digest.runNow()).isEqualTo(1);
        Call post = awaitCall("chat.postMessage", c -> DIGEST_CHANNEL.equals(c.param("channel")));

        // 3 made and delivered; 2 of 3 on time; (1 + 5 + 4) / 3 = 3.3 from 3 ratings.
        assertThat(readable(post.blocks())).isEqualTo("""
                Kept: the week to Monday 30 Nov
                Promises made: 3
                Promises delivered: 3
                Kept on time: 2 of 3 (67%)
                Satisfaction: 3.3 of 5, 😐 It's okay (from 3 ratings)
                Kept their promises on time: <@U222> (1), <@U333> (1)
                Shared constructive feedback: <@U222> (1)
                Thank you all!
                From Monday 23 Nov, 09:00 to Monday 30 Nov, 09:00 (UTC). Only totals are shared here: each rating \
                and every word of feedback stays between the two people it concerns.""");
        for (String secret : SECRETS) {
            assertThat(post.mentions(secret)).as(secret).isFalse();
            assertThat(post.body()).as(secret).doesNotContain("SECRET");
        }
        // Nobody's own score: no 1-star word or figure, and Alice (late, rated 1) is not named at all.
        assertThat(post.mentions("Not at all")).isFalse();
        assertThat(post.mentions("😞")).isFalse();
        assertThat(post.mentions("1 of 5")).isFalse();
        assertThat(post.mentions("U111")).isFalse();
        assertThat(post.mentions("the budget")).isFalse();

        assertThat(digest.runNow()).isZero();   // once a week
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> DIGEST_CHANNEL.equals(c.param("channel"))))
                .hasSize(1);
    }
}
