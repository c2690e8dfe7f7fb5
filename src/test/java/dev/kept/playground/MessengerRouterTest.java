package dev.kept.playground;

import dev.kept.chat.Delivery;
import dev.kept.chat.DeliveryFailedException;
import dev.kept.chat.DirectoryRouter;
import dev.kept.chat.Message;
import dev.kept.chat.MessengerRouter;
import dev.kept.chat.Person;
import dev.kept.chat.PlatformDirectory;
import dev.kept.chat.PlatformMessenger;
import dev.kept.chat.Profile;
import dev.kept.chat.Workspace;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The core's one Messenger and Directory hand each person to the adapter of their own platform. */
class MessengerRouterTest {

    static final Person SLACK_BOB = new Workspace("slack", "T123").person("U222");
    static final Person PLAYGROUND_BOB = new Workspace("playground", "local").person("bob");

    /** Records what it was asked to do, as "platform:verb:user". */
    record Recording(String platform, List<String> log) implements PlatformMessenger, PlatformDirectory {
        public void sendDirect(Person recipient, Message message) {
            log.add(platform + ":dm:" + recipient.userId());
        }

        public Delivery deliver(Person recipient, Message message, String idempotencyKey) {
            log.add(platform + ":deliver:" + recipient.userId());
            return new Delivery.Sent();
        }

        public boolean alreadyDelivered(Person recipient, String idempotencyKey) {
            log.add(platform + ":already:" + recipient.userId());
            return false;
        }

        public void publishHome(Person person, Message page) {
            log.add(platform + ":home:" + person.userId());
        }

        public void postToChannel(Workspace workspace, String channel, Message message) {
            log.add(platform + ":channel:" + channel);
        }

        public void sendFile(Person recipient, String filename, String content, Message comment) {
            log.add(platform + ":file:" + recipient.userId());
        }

        public Optional<Profile> lookup(Person person) {
            return Optional.of(new Profile(person, platform + "-" + person.userId(), ZoneId.of("UTC"), false, true));
        }
    }

    @Test
    void eachPersonGoesToTheAdapterOfTheirPlatform() {
        List<String> log = new ArrayList<>();
        Recording slack = new Recording("slack", log);
        Recording playground = new Recording("playground", log);
        MessengerRouter router = new MessengerRouter(List.of(slack, playground));
        Message hi = Message.of("hi");

        router.sendDirect(SLACK_BOB, hi);
        router.sendDirect(PLAYGROUND_BOB, hi);
        router.deliver(PLAYGROUND_BOB, hi, "k");
        router.deliver(SLACK_BOB, hi, "k");
        router.alreadyDelivered(SLACK_BOB, "k");
        router.publishHome(PLAYGROUND_BOB, hi);
        router.postToChannel(SLACK_BOB.workspace(), "C1", hi);
        router.sendFile(PLAYGROUND_BOB, "f.csv", "a,b", hi);

        assertThat(log).containsExactly("slack:dm:U222", "playground:dm:bob", "playground:deliver:bob",
                "slack:deliver:U222", "slack:already:U222", "playground:home:bob", "slack:channel:C1",
                "playground:file:bob");

        DirectoryRouter directory = new DirectoryRouter(List.of(slack, playground));
        assertThat(directory.lookup(SLACK_BOB).orElseThrow().displayName()).isEqualTo("slack-U222");
        assertThat(directory.lookup(PLAYGROUND_BOB).orElseThrow().displayName()).isEqualTo("playground-bob");
    }

    @Test
    void aPlatformKeptIsNotConnectedToReachesNoOne() {
        List<String> log = new ArrayList<>();
        MessengerRouter router = new MessengerRouter(List.of(new Recording("playground", log)));
        DirectoryRouter directory = new DirectoryRouter(List.of(new Recording("playground", log)));

        assertThatThrownBy(() -> router.sendDirect(SLACK_BOB, Message.of("hi"))).isInstanceOf(DeliveryFailedException.class);
        assertThat(router.deliver(SLACK_BOB, Message.of("hi"), "k")).isInstanceOf(Delivery.Failed.class);
        assertThat(((Delivery.Failed) router.deliver(SLACK_BOB, Message.of("hi"), "k")).permanent()).isTrue();
        assertThat(directory.lookup(SLACK_BOB)).isEmpty();
        assertThat(log).isEmpty();
    }

    @Test
    void twoAdaptersForOnePlatformAreAMistake() {
        List<String> log = new ArrayList<>();
        assertThatThrownBy(() -> new MessengerRouter(List.of(new Recording("slack", log), new Recording("slack", log))))
                .hasMessageContaining("slack");
    }
}
