package dev.kept.playground;

import dev.kept.KeptMode;
import dev.kept.chat.Form;
import dev.kept.chat.FormSubmission;
import dev.kept.chat.HostedChatStore;
import dev.kept.chat.HostedChatStore.Colleague;
import dev.kept.chat.Message;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.insight.InsightService;
import dev.kept.nudge.NudgeDispatcher;
import dev.kept.chat.QuotedMessage;
import dev.kept.inbox.Inbox;
import dev.kept.promise.Invocation;
import dev.kept.promise.PromiseService;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The playground's pages and actions. Typed text goes to the same core entry points as Slack's
 * commands and DMs; buttons and forms go to the feature that owns their id, as Slack's listeners do.
 * Every change is a POST answered with a redirect back to the page (or the page itself, with a form's
 * problems next to its fields).
 */
@RestController
class PlaygroundController {

    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    static final String CLOCK_IS_REAL = "The clock can't be moved: Kept is connected to Slack or Teams too, so time is real for everyone.";

    private final Colleagues colleagues;
    private final Conversations conversations;
    private final PlaygroundEvents events;
    private final HostedChatStore store;
    private final Inbox inbox;
    private final PromiseService promises;
    private final InsightService insight;
    private final NudgeDispatcher dispatcher;
    private final Clock clock;
    private final Environment env;

    PlaygroundController(Colleagues colleagues, Conversations conversations, PlaygroundEvents events,
                         HostedChatStore store, Inbox inbox, PromiseService promises,
                         InsightService insight, NudgeDispatcher dispatcher, Clock clock, Environment env) {
        this.colleagues = colleagues;
        this.conversations = conversations;
        this.events = events;
        this.store = store;
        this.inbox = inbox;
        this.promises = promises;
        this.insight = insight;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.env = env;
    }

    // ---- pages ----------------------------------------------------------------------------------

    @GetMapping("/")
    ResponseEntity<String> root(@RequestParam(name = "as", required = false) String as) {
        if (!KeptMode.playgroundOnly(env)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("Kept is connected to Slack or Teams. The playground is at /playground.");
        }
        return page(as);
    }

    @GetMapping("/playground")
    ResponseEntity<String> page(@RequestParam(name = "as", required = false) String as) {
        return html(HttpStatus.OK, view(as, null, null));
    }

    @GetMapping("/playground/part/conversation")
    ResponseEntity<String> conversationPart(@RequestParam(name = "as", required = false) String as) {
        return html(HttpStatus.OK, PageRenderer.conversation(view(as, null, null)));
    }

    @GetMapping("/playground/part/clock")
    ResponseEntity<String> clockPart(@RequestParam(name = "as", required = false) String as) {
        return html(HttpStatus.OK, PageRenderer.clock(view(as, null, null)));
    }

    @GetMapping(path = "/playground/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@RequestParam(name = "as", required = false) String as) {
        return events.open(viewer(as).userId());
    }

    // ---- actions --------------------------------------------------------------------------------

    @PostMapping("/playground/say")
    ResponseEntity<String> say(@RequestParam("as") String as, @RequestParam(name = "text", defaultValue = "") String text) {
        Colleague viewer = viewer(as);
        Person person = colleagues.person(viewer.userId());
        String typed = text.strip();
        if (typed.isEmpty()) {
            return back(viewer, null);
        }
        conversations.add(viewer.userId(), Item.mine(clock.millis(), typed));
        PlaygroundText platformText = new PlaygroundText(colleagues);
        Outcome outcome;
        String lower = typed.toLowerCase(Locale.ROOT);
        if (lower.equals("/promise") || lower.startsWith("/promise ")) {
            outcome = inbox.answer(new Inbox.Command(new Invocation(person, platformText, true),
                    typed.substring("/promise".length()).strip()));
        } else {
            outcome = inbox.answer(new Inbox.Wrote(new Invocation(person, platformText, false), typed));
        }
        apply(viewer, null, outcome);
        return back(viewer, null);
    }

    /** A message in the team channel, as the viewer. */
    @PostMapping("/playground/team")
    ResponseEntity<String> team(@RequestParam("as") String as, @RequestParam(name = "text", defaultValue = "") String text) {
        Colleague viewer = viewer(as);
        String said = text.strip();
        if (said.isEmpty()) {
            return back(viewer, null);
        }
        if (said.length() > TEAM_MESSAGE_LIMIT) {
            return html(HttpStatus.UNPROCESSABLE_CONTENT, view(as, "Keep a channel message under "
                    + TEAM_MESSAGE_LIMIT + " characters.", null));
        }
        conversations.append(Conversations.TEAM, Item.said(clock.millis(), viewer.userId(), said));
        return back(viewer, null);
    }

    /** How long a team channel message may be, as a chat platform limits a message. */
    static final int TEAM_MESSAGE_LIMIT = 4000;

    /**
     * "⋯ Make this a promise" ({@code ask} false) or "Ask for this" on a team channel message: the core's form,
     * pre-filled from it, opens in the viewer's chat with Kept, as a message shortcut does in Slack.
     */
    @PostMapping("/playground/from-message")
    ResponseEntity<String> fromMessage(@RequestParam("as") String as, @RequestParam("entry") String entry,
                                       @RequestParam(name = "ask", defaultValue = "false") boolean ask,
                                       jakarta.servlet.http.HttpServletRequest request) {
        Colleague viewer = viewer(as);
        Optional<Conversations.Shown> said = conversations.find(Conversations.TEAM, entry)
                .filter(s -> Item.SAID.equals(s.item().kind()));
        if (said.isEmpty()) {
            return html(HttpStatus.BAD_REQUEST, view(as, "That message isn't in the team channel (any more).", null));
        }
        String link = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
                .path("/").fragment("m-" + said.get().id()).build().toUriString();
        Person person = colleagues.person(viewer.userId());
        QuotedMessage quoted = new QuotedMessage(Optional.ofNullable(said.get().item().key()), said.get().item().text(), link);
        Outcome outcome = inbox.answer(new Inbox.FromMessage(new Invocation(person, new PlaygroundText(colleagues), true),
                quoted, ask));
        apply(viewer, null, outcome);
        return back(viewer, null);
    }

    @PostMapping("/playground/click")
    ResponseEntity<String> click(@RequestParam("as") String as, @RequestParam("entry") String entry,
                                 @RequestParam("action") String action,
                                 @RequestParam(name = "value", defaultValue = "") String value) {
        Colleague viewer = viewer(as);
        Optional<Message> shown = "home".equals(entry)
                ? conversations.of("home:" + viewer.userId()).stream().findFirst().map(s -> s.item().message())
                : conversations.find(Conversations.dm(viewer.userId()), entry).map(s -> s.item().message());
        boolean onIt = shown.isPresent() && shown.get().blocks().stream()
                .filter(b -> b instanceof Message.Actions).flatMap(b -> ((Message.Actions) b).buttons().stream())
                .anyMatch(b -> b.actionId().equals(action) && value.equals(b.value() == null ? "" : b.value()));
        if (!inbox.ownsButton(action) || !onIt) {
            return html(HttpStatus.BAD_REQUEST, view(as, "That button isn't on any of your messages (any more).", null));
        }
        Person person = colleagues.person(viewer.userId());
        Outcome outcome = inbox.answer(new Inbox.Clicked(person, action, value));
        if ("home".equals(entry)) {
            apply(viewer, null, outcome);
            insight.showHome(person);
        } else {
            apply(viewer, entry, outcome);
        }
        return back(viewer, null);
    }

    @PostMapping("/playground/submit")
    ResponseEntity<String> submit(@RequestParam MultiValueMap<String, String> params) {
        Colleague viewer = viewer(params.getFirst("as"));
        String entry = params.getFirst("entry");
        Optional<Conversations.Shown> shown = entry == null ? Optional.empty()
                : conversations.find(Conversations.dm(viewer.userId()), entry)
                .filter(s -> Item.FORM.equals(s.item().kind()));
        if (shown.isEmpty()) {
            return html(HttpStatus.BAD_REQUEST, view(viewer.userId(), "That form was sent already, or isn't yours.", null));
        }
        Form form = shown.get().item().form();
        if (!inbox.ownsForm(form.formId())) {
            return html(HttpStatus.BAD_REQUEST, view(viewer.userId(), "Kept doesn't know that form.", null));
        }
        Map<String, String> typed = new HashMap<>();
        FormSubmission submission = translate(form, params, zone(viewer), typed);
        Person person = colleagues.person(viewer.userId());
        Map<String, String> errors = inbox.check(person, submission);
        if (!errors.isEmpty()) {
            return html(HttpStatus.UNPROCESSABLE_CONTENT,
                    view(viewer.userId(), null, new PageRenderer.Problems(entry, errors, typed)));
        }
        Outcome outcome = inbox.answer(new Inbox.Submitted(person, submission));
        conversations.replace(viewer.userId(), entry, shown.get().item().closed("sent."));
        apply(viewer, null, outcome);
        return back(viewer, null);
    }

    /** The form's fields as the core reads them; the datetime is read in the viewer's own zone. */
    static FormSubmission translate(Form form, MultiValueMap<String, String> params, java.time.ZoneId zone,
                                    Map<String, String> typed) {
        Map<String, String> texts = new HashMap<>();
        Map<String, String> people = new HashMap<>();
        Map<String, Instant> instants = new HashMap<>();
        Map<String, List<String>> choices = new HashMap<>();
        for (Form.Input input : form.inputs()) {
            String name = "in." + input.id();
            String raw = params.getFirst(name);
            if (input instanceof Form.TextInput) {
                if (raw != null) {
                    texts.put(input.id(), raw);
                    typed.put(input.id(), raw);
                }
            } else if (input instanceof Form.PersonInput) {
                if (raw != null && !raw.isBlank()) {
                    people.put(input.id(), raw);
                    typed.put(input.id(), raw);
                }
            } else if (input instanceof Form.DateTimeInput) {
                if (raw != null && !raw.isBlank()) {
                    typed.put(input.id(), raw);
                    try {
                        instants.put(input.id(), LocalDateTime.parse(raw).atZone(zone).toInstant());
                    } catch (DateTimeException e) {
                        // left out: the feature says the date is missing, in its own words
                    }
                }
            } else if (input instanceof Form.ChoiceInput c) {
                List<String> values = params.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).toList();
                if (c.multiple()) {
                    choices.put(input.id(), new ArrayList<>(values));
                } else if (!values.isEmpty()) {
                    choices.put(input.id(), List.of(values.get(0)));
                    typed.put(input.id(), values.get(0));
                }
            }
        }
        return new FormSubmission(form.formId(), form.context() == null ? "" : form.context(), texts, people,
                instants, choices);
    }

    @PostMapping("/playground/home")
    ResponseEntity<String> home(@RequestParam("as") String as) {
        Colleague viewer = viewer(as);
        insight.showHome(colleagues.person(viewer.userId()));
        return back(viewer, null);
    }

    @PostMapping("/playground/colleague")
    ResponseEntity<String> colleague(@RequestParam("as") String as, @RequestParam(name = "id", defaultValue = "") String id,
                                     @RequestParam(name = "name", defaultValue = "") String name,
                                     @RequestParam(name = "zone", defaultValue = "") String zone) {
        if (!id.isBlank() && colleagues.byId(id).isEmpty()) {
            return html(HttpStatus.BAD_REQUEST, view(as, "There is no colleague " + id + ".", null));
        }
        Optional<String> problem = colleagues.save(id, name, zone);
        if (problem.isPresent()) {
            return html(HttpStatus.UNPROCESSABLE_CONTENT, view(as, problem.get(), null));
        }
        events.everyone("conversation");
        return back(viewer(as), null);
    }

    @PostMapping("/playground/clock")
    ResponseEntity<String> moveClock(@RequestParam("as") String as, @RequestParam("step") String step) {
        if (!(clock instanceof PlaygroundClock playground)) {
            return html(HttpStatus.CONFLICT, view(as, CLOCK_IS_REAL, null));
        }
        String notice = null;
        switch (step) {
            case "hour" -> playground.advance(Duration.ofHours(1));
            case "day" -> playground.advance(Duration.ofDays(1));
            case "next" -> {
                Optional<Instant> next = store.nextNudge(Colleagues.WORKSPACE);
                if (next.isPresent()) {
                    playground.advanceTo(next.get());
                } else {
                    notice = "nonudge";
                }
            }
            default -> {
                return html(HttpStatus.BAD_REQUEST, view(as, "Unknown clock step.", null));
            }
        }
        dispatcher.wake();
        events.everyone("clock");
        return back(viewer(as), notice);
    }

    @PostMapping("/playground/reset")
    ResponseEntity<String> reset(@RequestParam(name = "as", required = false) String as) {
        // Nudges being sent right now would write after the delete: let them finish first.
        boolean dispatching = dispatcher.isRunning();
        dispatcher.stop();
        try {
            store.forgetWorkspace(Colleagues.WORKSPACE);
            if (clock instanceof PlaygroundClock playground) {
                playground.reset();
            }
            colleagues.all();
        } finally {
            if (dispatching) {
                dispatcher.start();
            }
        }
        events.everyone("reset");
        return back(viewer(as), "reset");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Carries out the core's answer for the person who acted. */
    private void apply(Colleague viewer, String clickedEntry, Outcome outcome) {
        long now = clock.millis();
        outcome.renderWith(new Outcome.Renderer() {
            @Override
            public void reply(Message message) {
                conversations.add(viewer.userId(), Item.message(now, true, message, null));
            }

            @Override
            public void replace(Message message) {
                Optional<Conversations.Shown> original = clickedEntry == null ? Optional.empty()
                        : conversations.find(Conversations.dm(viewer.userId()), clickedEntry);
                if (original.isPresent()) {
                    conversations.replace(viewer.userId(), clickedEntry, Item.message(original.get().item().atMillis(),
                            original.get().item().privately(), message, null));
                } else {
                    reply(message);
                }
            }

            @Override
            public void openForm(Form form, Message fallback) {
                conversations.add(viewer.userId(), Item.form(now, form));
            }
        });
    }

    /** The viewer's zone as Kept uses it: their own setting (`/promise settings`), else their profile's. */
    private java.time.ZoneId zone(Colleague viewer) {
        return promises.zoneOf(colleagues.person(viewer.userId()));
    }

    private Colleague viewer(String as) {
        List<Colleague> all = colleagues.all();
        return all.stream().filter(c -> c.userId().equals(as)).findFirst().orElse(all.get(0));
    }

    private PageRenderer.View view(String as, String notice, PageRenderer.Problems problems) {
        List<Colleague> all = colleagues.all();
        Colleague viewer = viewer(as);
        String offset = null;
        boolean movable = clock instanceof PlaygroundClock;
        if (clock instanceof PlaygroundClock p && !p.offset().isZero()) {
            Duration d = p.offset();
            offset = d.toDays() > 0 ? d.toDays() + " d " + d.toHoursPart() + " h " + d.toMinutesPart() + " min"
                    : d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        List<Conversations.Shown> channel = new ArrayList<>();
        List<Conversations.Shown> team = conversations.of(Conversations.TEAM);
        String digest = env.getProperty("kept.digest.channel", "");
        if (!digest.isBlank()) {
            channel = conversations.of("channel:" + digest.replaceAll("[^A-Za-z0-9._-]", ""));
        }
        return new PageRenderer.View(viewer, zone(viewer), all, conversations.of(Conversations.dm(viewer.userId())),
                conversations.of("home:" + viewer.userId()), channel, team, clock.instant(), movable, offset,
                movable ? store.nextNudge(Colleagues.WORKSPACE).orElse(null) : null,
                !KeptMode.playgroundOnly(env), notice, problems);
    }

    private static final Map<String, String> NOTICES = Map.of(
            "nonudge", "No nudge is waiting: make a promise first.",
            "reset", "The playground starts again: every promise and message is gone, and Alice, Bob and Carol are back.");

    @GetMapping("/playground/notice")
    ResponseEntity<String> notice(@RequestParam(name = "as", required = false) String as,
                                  @RequestParam(name = "n", defaultValue = "") String n) {
        return html(HttpStatus.OK, view(as, NOTICES.get(n), null));
    }

    private static ResponseEntity<String> back(Colleague viewer, String notice) {
        String as = URLEncoder.encode(viewer.userId(), StandardCharsets.UTF_8);
        URI to = URI.create(notice == null ? "/playground?as=" + as : "/playground/notice?as=" + as + "&n=" + notice);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(to).build();
    }

    private static ResponseEntity<String> html(HttpStatus status, PageRenderer.View view) {
        return html(status, PageRenderer.page(view));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(HTML).header("Cache-Control", "no-store").body(body);
    }
}
