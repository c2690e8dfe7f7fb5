package dev.kept.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.kept.chat.PlatformDirectory;
import dev.kept.chat.Person;
import dev.kept.chat.Profile;
import dev.kept.chat.ProfileCache;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/** Who a Slack user is, from {@code users.info}, cached in Redis so most lookups cost no Web API call. */
@Component
class SlackDirectory implements PlatformDirectory {

    @Override
    public String platform() {
        return "slack";
    }

    static final Duration CACHE_FOR = Duration.ofHours(12);

    private final MethodsClient methods;
    private final SlackCalls calls;
    private final ProfileCache cache;

    SlackDirectory(MethodsClient methods, SlackCalls calls, ProfileCache cache) {
        this.methods = methods;
        this.calls = calls;
        this.cache = cache;
    }

    @Override
    public Optional<Profile> lookup(Person person) {
        Optional<Profile> cached = cache.get(person);
        if (cached.isPresent()) {
            return cached;
        }
        UsersInfoResponse response;
        try {
            response = calls.call("users.info", () -> methods.usersInfo(r -> r.user(person.userId())));
        } catch (SlackCalls.SlackCallFailed e) {
            if ("user_not_found".equals(e.error()) || "users_not_found".equals(e.error())) {
                return Optional.empty();
            }
            throw e;
        }
        User user = response.getUser();
        Profile profile = new Profile(person, displayName(user), Profile.zoneOrUtc(user.getTz()),
                user.isBot() || user.isAppUser() || "USLACKBOT".equals(user.getId()), !user.isDeleted());
        cache.put(profile, CACHE_FOR);
        return Optional.of(profile);
    }

    private static String displayName(User user) {
        if (user.getProfile() != null && user.getProfile().getDisplayName() != null
                && !user.getProfile().getDisplayName().isBlank()) {
            return user.getProfile().getDisplayName();
        }
        if (user.getRealName() != null && !user.getRealName().isBlank()) {
            return user.getRealName();
        }
        return user.getName();
    }
}
