package dev.kept.teams;

import dev.kept.chat.AdapterState;
import dev.kept.chat.Delivery;
import dev.kept.chat.DeliveryFailedException;
import dev.kept.chat.Message;
import dev.kept.chat.Person;
import dev.kept.chat.PlatformMessenger;
import dev.kept.chat.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Kept's messages to people in Teams: each neutral message becomes an Adaptive Card posted to the
 * person's personal chat with Kept through the Bot Connector (opened first when Kept has never written
 * to them). Retries for 429, 412, 502 and 504 are the {@link BotConnector}'s.
 */
@Component
class TeamsMessenger implements PlatformMessenger {

    private static final Logger log = LoggerFactory.getLogger(TeamsMessenger.class);

    /** How long "this nudge was delivered" is remembered, well beyond any retry of it. */
    static final Duration REMEMBER_SENT = Duration.ofDays(3);

    private final TeamsPeople people;
    private final TeamsCards cards;
    private final BotConnector connector;
    private final AdapterState state;
    private final TeamsFiles files;

    TeamsMessenger(TeamsPeople people, TeamsCards cards, BotConnector connector, AdapterState state, TeamsFiles files) {
        this.people = people;
        this.cards = cards;
        this.connector = connector;
        this.state = state;
        this.files = files;
    }

    @Override
    public String platform() {
        return TeamsPeople.PLATFORM;
    }

    @Override
    public void sendDirect(Person recipient, Message message) {
        TeamsAddress to = people.reach(recipient);
        connector.send(to.serviceUrl(), to.conversationId(), cards.message(recipient, message));
    }

    @Override
    public Delivery deliver(Person recipient, Message message, String idempotencyKey) {
        TeamsAddress to;
        try {
            to = people.reach(recipient);
        } catch (DeliveryFailedException e) {
            return new Delivery.Failed(false, e.getMessage());
        }
        BotConnector.Attempt attempt = connector.sendOnce(to.serviceUrl(), to.conversationId(),
                cards.message(recipient, message));
        if (attempt instanceof BotConnector.Sent) {
            state.putFor(recipient, sentKey(idempotencyKey), "1", REMEMBER_SENT);
            return new Delivery.Sent();
        }
        if (attempt instanceof BotConnector.RateLimited r) {
            return new Delivery.RateLimited(r.retryAfter());
        }
        BotConnector.Failed f = (BotConnector.Failed) attempt;
        return new Delivery.Failed(f.permanent(), f.error());
    }

    /**
     * Teams lets a bot read nothing back from a chat, so Kept remembers each nudge it delivered. A sender
     * that died between Teams' answer and that note can make one nudge arrive twice (see docs/teams.md).
     */
    @Override
    public boolean alreadyDelivered(Person recipient, String idempotencyKey) {
        return state.getShortLived(recipient, sentKey(idempotencyKey)).isPresent();
    }

    /** Teams has no page of Kept's own yet (no personal tab): {@code stats} and {@code list} answer in the chat. */
    @Override
    public void publishHome(Person person, Message page) {
        log.debug("No Kept tab in Teams: the home page of {} is not shown", person.userId());
    }

    @Override
    public void postToChannel(Workspace workspace, String channel, Message message) {
        String serviceUrl = people.serviceUrl(workspace).orElseThrow(() -> new DeliveryFailedException(
                "Nobody of Teams tenant " + workspace.id() + " has written to Kept yet, so Kept does not know where "
                        + "to post", null));
        connector.send(serviceUrl, channel, cards.channelMessage(workspace, message));
    }

    @Override
    public void sendFile(Person recipient, String filename, String content, Message comment) {
        TeamsAddress to = people.reach(recipient);
        connector.send(to.serviceUrl(), to.conversationId(), cards.message(recipient, comment));
        files.offer(recipient, to, filename, content);
    }

    private static String sentKey(String idempotencyKey) {
        return "sent:" + idempotencyKey;
    }
}
