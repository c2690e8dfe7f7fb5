package dev.kept.teams;

import dev.kept.testing.redis.TestRedis;
import dev.kept.testing.teams.FakeBotFramework.TokenBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request to {@code /api/messages} proves it comes from the Bot Framework: a token that is
 * expired, for another bot, from another issuer, signed by a key Kept does not know (or one not
 * endorsed for Teams), or minted for another Bot Connector is refused, and nothing of the activity is
 * read: no answer is sent and nothing is stored.
 */
@ExtendWith(OutputCaptureExtension.class)
class TeamsSecurityTest extends TeamsHttpTestSupport {

    HttpResponse<String> post(ObjectNode activity, String authorization) {
        return teams.post(kept(), activity, authorization);
    }

    @Test
    void everyInvalidTokenIsRefusedAndNothingIsProcessed() {
        Map<String, UnaryOperator<TokenBuilder>> cases = new LinkedHashMap<>();
        cases.put("expired", TokenBuilder::expired);
        cases.put("not yet valid", TokenBuilder::notYetValid);
        cases.put("wrong audience", TokenBuilder::wrongAudience);
        cases.put("wrong issuer", TokenBuilder::wrongIssuer);
        cases.put("unknown key", TokenBuilder::unknownKey);
        cases.put("bad signature", TokenBuilder::badSignature);
        cases.put("HS256", TokenBuilder::hs256);
        cases.put("alg none", TokenBuilder::algNone);
        Map<String, UnaryOperator<TokenBuilder>> forbidden = new LinkedHashMap<>();
        forbidden.put("key endorsed for webchat only", TokenBuilder::webchatOnlyKey);
        forbidden.put("mismatched serviceUrl", TokenBuilder::otherServiceUrl);

        ObjectNode activity = teams.message(alice, "list", clock.instant());
        cases.forEach((name, breakIt) -> assertThat(post(activity,
                breakIt.apply(teams.token(clock.instant()).serviceUrl(teams.serviceUrl())).authorization()).statusCode())
                .as(name).isEqualTo(401));
        forbidden.forEach((name, breakIt) -> assertThat(post(activity,
                breakIt.apply(teams.token(clock.instant()).serviceUrl(teams.serviceUrl())).authorization()).statusCode())
                .as(name).isEqualTo(403));
        assertThat(post(activity, null).statusCode()).as("no token").isEqualTo(401);
        assertThat(post(activity, "Basic " + teams.token(clock.instant()).jwt()).statusCode()).as("not Bearer")
                .isEqualTo(401);

        ObjectNode otherTenant = activity.deepCopy();
        otherTenant.withObject("conversation").put("tenantId", "00000000-0000-4000-8000-0000000000ff");
        otherTenant.withObject("channelData").withObject("tenant").put("id", "00000000-0000-4000-8000-0000000000ff");
        assertThat(teams.post(kept(), otherTenant, clock.instant()).statusCode()).as("another tenant").isEqualTo(403);

        assertThat(TestRedis.snapshot(TestRedis.template())).as("nothing stored").isEmpty();
        assertThat(teams.sent()).as("nothing answered").isEmpty();

        // The same activity, properly signed, is read and answered.
        assertThat(teams.post(kept(), activity, clock.instant()).statusCode()).isEqualTo(200);
        awaitSent(dm(alice), s -> s.mentions("open promises"));
    }

    @Test
    void noSecretReachesTheLogs(CapturedOutput output) {
        say(carol, "hi");
        awaitSent(dm(carol), s -> s.mentions("promise"));
        say(alice, "promise @carol the budget by friday 3pm");
        awaitSent(dm(carol), s -> s.mentions("promised you"));
        teams.post(kept(), teams.message(alice, "list", clock.instant()),
                teams.token(clock.instant()).expired().serviceUrl(teams.serviceUrl()).authorization());
        assertThat(teams.tokenCalls()).isPositive();
        assertThat(output.getAll()).doesNotContain(teams.appPassword()).doesNotContain("eyJ")
                .contains("Refused a request to /api/messages (401)");
    }

    @Test
    void aBodyThatIsNotAnActivityIsStillCheckedFirst() {
        assertThat(teams.post(kept(), teams.message(alice, "hi", clock.instant()).removeAll(), (String) null)
                .statusCode()).isEqualTo(401);
    }
}
