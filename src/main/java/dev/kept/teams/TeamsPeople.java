package dev.kept.teams;

import dev.kept.chat.AdapterState;
import dev.kept.chat.DeliveryFailedException;
import dev.kept.chat.Person;
import dev.kept.chat.PlatformDirectory;
import dev.kept.chat.Profile;
import dev.kept.chat.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who is who in Teams, and how to reach them. Teams gives a bot nothing like Slack's users.info, so Kept
 * remembers what each activity tells it (name, time zone, personal chat, Bot Connector address) and,
 * for a colleague picked in a people picker who never wrote to Kept, opens a personal chat with them
 * and reads their name from its members. A person is {@code (teams, tenant id, Entra object id)}.
 */
@Component
class TeamsPeople implements PlatformDirectory {

    static final String PLATFORM = "teams";
    static final String ADDRESS = "address";
    /** The Bot Connector address the tenant's activities last came from: where proactive chats are opened. */
    static final String SERVICE_URL = "serviceUrl";

    private static final Logger log = LoggerFactory.getLogger(TeamsPeople.class);

    private final AdapterState state;
    private final BotConnector connector;

    TeamsPeople(AdapterState state, BotConnector connector) {
        this.state = state;
        this.connector = connector;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    static Workspace workspace(String tenantId) {
        return new Workspace(PLATFORM, tenantId);
    }

    /** The tenant an activity comes from ({@code conversation.tenantId}, or its channel data); null when none. */
    static String tenantOf(JsonNode activity) {
        String tenant = text(activity.path("conversation").get("tenantId"));
        if (tenant == null) {
            tenant = text(activity.path("channelData").path("tenant").get("id"));
        }
        return tenant;
    }

    /** The person who sent an activity; empty when it has no Entra object id (not a Teams user). */
    static Optional<Person> sender(JsonNode activity) {
        String tenant = tenantOf(activity);
        String aad = text(activity.path("from").get("aadObjectId"));
        if (tenant == null || aad == null || !aad.matches("[A-Za-z0-9._-]+") || !tenant.matches("[A-Za-z0-9._-]+")) {
            return Optional.empty();
        }
        return Optional.of(workspace(tenant).person(aad));
    }

    /**
     * Remembers what a verified activity says about its sender (whenever someone writes, clicks or installs
     * Kept), so nudges can reach them later.
     */
    void remember(Person person, JsonNode activity) {
        String serviceUrl = text(activity.get("serviceUrl"));
        boolean personal = "personal".equals(text(activity.path("conversation").get("conversationType")));
        TeamsAddress heard = new TeamsAddress(serviceUrl,
                personal ? text(activity.path("conversation").get("id")) : null,
                text(activity.path("from").get("id")), text(activity.path("from").get("name")), zoneOf(activity));
        Optional<TeamsAddress> before = address(person);
        TeamsAddress known = before.map(a -> a.updatedBy(heard)).orElse(heard);
        if (before.equals(Optional.of(known))) {
            return;   // nothing new: one read per activity
        }
        state.put(person, ADDRESS, known.toJson());
        if (known.name() != null) {
            state.putName(person, known.name());
        }
        if (serviceUrl != null) {
            state.put(person.workspace(), SERVICE_URL, serviceUrl);
        }
    }

    /** Where the Bot Connector of {@code workspace} answers, as its people's activities last said. */
    Optional<String> serviceUrl(Workspace workspace) {
        return state.get(workspace, SERVICE_URL);
    }

    Optional<TeamsAddress> address(Person person) {
        return state.get(person, ADDRESS).map(TeamsAddress::fromJson);
    }

    /**
     * The person's personal chat with Kept: the one they wrote in, or one Kept opens now (and then learns
     * their name from it).
     *
     * @throws DeliveryFailedException when Kept cannot reach them (nobody of their tenant has written to Kept
     *                                 yet, or Teams refused to open the chat: Kept is not installed for them)
     */
    TeamsAddress reach(Person person) {
        Optional<TeamsAddress> known = address(person);
        if (known.isPresent() && known.get().conversationId() != null && known.get().serviceUrl() != null) {
            return known.get();
        }
        String serviceUrl = known.map(TeamsAddress::serviceUrl)
                .or(() -> serviceUrl(person.workspace()))
                .orElseThrow(() -> new DeliveryFailedException("Nobody of Teams tenant " + person.workspace().id()
                        + " has written to Kept yet, so Kept does not know where to reach them", null));
        String member = known.map(TeamsAddress::teamsId).orElse(person.userId());
        String conversation = connector.createPersonalConversation(serviceUrl, person.workspace().id(), member);
        TeamsAddress address = known.orElse(new TeamsAddress(serviceUrl, null, null, null, null))
                .withConversation(conversation);
        if (address.name() == null) {
            try {
                for (BotConnector.Member m : connector.members(serviceUrl, conversation)) {
                    if (person.userId().equals(m.aadObjectId()) || (m.id() != null && m.id().equals(address.teamsId()))) {
                        address = address.updatedBy(new TeamsAddress(null, null, m.id(), m.name(), null));
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Could not read the members of a new Teams chat: {}", e.getMessage());
            }
        }
        state.put(person, ADDRESS, address.toJson());
        if (address.name() != null) {
            state.putName(person, address.name());
        }
        return address;
    }

    @Override
    public Optional<Profile> lookup(Person person) {
        Optional<TeamsAddress> address = address(person);
        if (address.isEmpty() || address.get().name() == null) {
            try {
                address = Optional.of(reach(person));
            } catch (RuntimeException e) {
                log.info("Teams does not know {} to Kept: {}", person.userId(), e.getMessage());
                return address.map(a -> profile(person, a));
            }
        }
        return address.map(a -> profile(person, a));
    }

    private static Profile profile(Person person, TeamsAddress a) {
        return new Profile(person, a.name() == null ? "a colleague" : a.name(), Profile.zoneOrUtc(a.zone()), false, true);
    }

    /** The name to show for a user id of this workspace (or null when unknown). */
    Function<String, String> namesIn(Workspace workspace) {
        Map<String, String> names = state.names(workspace);
        return names::get;
    }

    /**
     * A colleague's id by the name typed after {@code @}: their whole display name, the name without spaces,
     * or their first name when only one person has it (all without regard to case).
     */
    Function<String, Optional<String>> idsByName(Workspace workspace) {
        return typed -> {
            String wanted = typed.strip().toLowerCase(Locale.ROOT);
            Map<String, String> names = state.names(workspace);
            List<String> byFirstName = new ArrayList<>();
            for (Map.Entry<String, String> e : names.entrySet()) {
                String name = e.getValue().strip().toLowerCase(Locale.ROOT);
                if (name.equals(wanted) || name.replace(" ", "").equals(wanted.replace(" ", ""))) {
                    return Optional.of(e.getKey());
                }
                if (name.split("\\s+")[0].equals(wanted)) {
                    byFirstName.add(e.getKey());
                }
            }
            return byFirstName.size() == 1 ? Optional.of(byFirstName.get(0)) : Optional.empty();
        };
    }

    private static String zoneOf(JsonNode activity) {
        JsonNode entities = activity.get("entities");
        if (entities != null && entities.isArray()) {
            for (JsonNode e : entities) {
                if ("clientInfo".equals(text(e.get("type")))) {
                    String tz = text(e.get("timezone"));
                    if (tz != null && Profile.zoneOrUtc(tz) != ZoneOffset.UTC) {
                        return tz;
                    }
                }
            }
        }
        return null;
    }

    static String text(JsonNode n) {
        return n == null || n.isNull() || !n.isString() || n.asString().isBlank() ? null : n.asString();
    }
}
