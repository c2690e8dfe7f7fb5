package dev.kept.promise;

import dev.kept.testing.core.RecordingMessenger.Sent;
import dev.kept.testing.Marked;
import dev.kept.testing.core.FakeDirectory;
import dev.kept.testing.core.InMemoryPromiseStore;
import dev.kept.testing.core.RecordingMessenger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.chat.Form;
import dev.kept.chat.FormSubmission;
import dev.kept.chat.Message;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.PlatformText;
import dev.kept.chat.Workspace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command grammar and its validation, through {@link PromiseInbound} and a real {@link PromiseService},
 * with in-memory fakes for storage, directory and messenger, at Monday 2026-11-23 09:00 UTC.
 */
class PromiseInboundTest {

    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T09:00:00Z");
    /** "friday" said on Monday morning, in UTC: the end of Friday's working day. */
    private static final Instant FRIDAY_EOD = Instant.parse("2026-11-27T17:00:00Z");
    private static final Workspace WS = new Workspace("test", "T1");

    private static final String ALICE = "UALICE";
    private static final String BOB = "UBOB";
    private static final String CAROL = "UCAROL";
    private static final String BOT = "UBOT";
    private static final String GONE = "UGONE";

    private final Clock clock = Clock.fixed(MONDAY_MORNING, ZoneOffset.UTC);
    private final InMemoryPromiseStore store = new InMemoryPromiseStore();
    private final FakeDirectory directory = new FakeDirectory(WS);
    private final RecordingMessenger messenger = new RecordingMessenger();
    private final PromiseInbound inbound = new PromiseInbound(PromiseServiceBuilder.with(store, directory, messenger, clock).build());

    private final Person alice = WS.person(ALICE);
    private final Person bob = WS.person(BOB);
    private final Person carol = WS.person(CAROL);

    @BeforeEach
    void people() {
        directory.add(ALICE, "alice", ZoneOffset.UTC, false, true);
        directory.add(BOB, "bob", ZoneOffset.UTC, false, true);
        directory.add(CAROL, "carol", ZoneOffset.UTC, false, true);
        directory.add(BOT, "reminder-bot", ZoneOffset.UTC, true, true);
        directory.add(GONE, "gone", ZoneOffset.UTC, false, false);
    }

    // ---------------------------------------------------------------- helpers

    private static Invocation slash(Person who) {
        return new Invocation(who, new MentionText(), true);
    }

    private static Invocation dm(Person who) {
        return new Invocation(who, new MentionText(), false);
    }

    /** The text of a private reply, with people as {@code @id}. */
    private static String replyText(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Reply.class);
        return text(((Outcome.Reply) outcome).message());
    }

    private static String text(Message message) {
        List<String> parts = new ArrayList<>();
        for (Message.Block block : message.blocks()) {
            if (block instanceof Message.Text t) {
                parts.add(Marked.of(t.text()));
            } else if (block instanceof Message.Note n) {
                parts.add(Marked.of(n.text()));
            } else if (block instanceof Message.Fields f) {
                for (Message.Field field : f.fields()) {
                    parts.add(field.label() + ": " + Marked.of(field.value()));
                }
            } else if (block instanceof Message.Actions a) {
                for (Message.Button b : a.buttons()) {
                    parts.add("[" + b.label() + "]");
                }
            }
        }
        return String.join("\n", parts);
    }

    private static Form form(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.OpenForm.class);
        return ((Outcome.OpenForm) outcome).form();
    }

    private static <T extends Form.Input> T input(Form form, String id, Class<T> type) {
        return form.inputs().stream().filter(i -> i.id().equals(id)).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no input " + id + " in " + form));
    }

    private static String intro(Form form) {
        return Marked.of(input(form, "intro", Form.Intro.class).text());
    }

    private Promise makeAlicePromisesBob() {
        Outcome made = inbound.command(slash(alice), "<@UBOB> the Q3 deck by friday");
        assertThat(replyText(made)).startsWith("You promised @UBOB the Q3 deck by");
        messenger.sent.clear();
        assertThat(store.promises).hasSize(1);
        return store.promises.values().iterator().next();
    }

    private static FormSubmission newPromiseForm(String receiver, String what, String matters, Instant due) {
        Map<String, String> texts = new HashMap<>();
        if (what != null) {
            texts.put(ActionIds.INPUT_WHAT, what);
        }
        if (matters != null) {
            texts.put(ActionIds.INPUT_MATTERS, matters);
        }
        Map<String, String> people = receiver == null ? Map.of() : Map.of(ActionIds.INPUT_RECEIVER, receiver);
        Map<String, Instant> instants = due == null ? Map.of() : Map.of(ActionIds.INPUT_DUE, due);
        return new FormSubmission(ActionIds.NEW_PROMISE_FORM, "", texts, people, instants);
    }

    private void assertNothingHappened() {
        assertThat(store.promises).isEmpty();
        assertThat(store.history).isEmpty();
        assertThat(messenger.sent).isEmpty();
    }

    // ---------------------------------------------------------------- making a promise by command

    /** A DM is taken as the answer to Kept's question unless it is plainly a command. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "list|true", "help|true", "done K7Q2|true", "promise <@UBOB> the deck by friday|true",
            "/promise list|true", "ask <@UBOB> for the deck by friday|true", "ask @bob for the deck by friday|true",
            "the revenue numbers first|false", "done by a designer, please|false", "asking nicely matters|false"})
    void plainCommandsAreToldApartFromFreeText(String text, boolean command) {
        assertThat(inbound.looksLikeCommand(text)).isEqualTo(command);
    }

    @Nested
    class MakingAPromise {

        @Test
        void aWellFormedCommandStoresThePromiseTellsTheReceiverAndConfirms() {
            Outcome outcome = inbound.command(slash(alice), "<@UBOB> the Q3 deck by friday");

            assertThat(store.promises).hasSize(1);
            Promise p = store.promises.values().iterator().next();
            assertThat(p.providerId()).isEqualTo(ALICE);
            assertThat(p.receiverId()).isEqualTo(BOB);
            assertThat(p.what()).isEqualTo("the Q3 deck");
            assertThat(p.due()).isEqualTo(FRIDAY_EOD);
            assertThat(p.created()).isEqualTo(MONDAY_MORNING);
            assertThat(p.status()).isEqualTo(PromiseStatus.OPEN);
            assertThat(store.history.get(p.id())).singleElement()
                    .isEqualTo(new HistoryEntry(MONDAY_MORNING, ALICE, HistoryEntry.Event.CREATED, "due " + FRIDAY_EOD));

            assertThat(messenger.sent).singleElement().satisfies(sent -> {
                assertThat(sent.to()).isEqualTo(bob);
                assertThat(text(sent.message())).contains("@UALICE promised you the Q3 deck.")
                        .contains("Friday 27 Nov, 17:00 (UTC)").contains("[Sounds good]");
            });
            assertThat(replyText(outcome)).startsWith("You promised @UBOB the Q3 deck by Friday 27 Nov, 17:00")
                    .contains("I've let them know. When it's done: `/promise done " + p.id() + "`.");
        }

        @Test
        void theKeywordMayBeTypedInADirectMessage() {
            inbound.command(dm(alice), "promise <@UBOB> the Q3 deck by tomorrow");
            inbound.command(dm(alice), "/promise <@UCAROL> the review by friday");
            assertThat(store.promises.values()).extracting(Promise::receiverId).containsExactlyInAnyOrder(BOB, CAROL);
        }

        @Test
        void theDueIsReadInTheProvidersTimeZone() {
            directory.add(ALICE, "alice", ZoneId.of("Europe/Berlin"), false, true);
            inbound.command(slash(alice), "<@UBOB> the Q3 deck by friday 3pm");
            assertThat(store.promises.values()).singleElement()
                    .extracting(Promise::due).isEqualTo(Instant.parse("2026-11-27T14:00:00Z"));
        }

        @Test
        void promisingYourselfIsRefused() {
            String reply = replyText(inbound.command(slash(alice), "<@UALICE> the Q3 deck by friday"));
            assertThat(reply).startsWith("You can't make a promise to yourself");
            assertNothingHappened();
        }

        @Test
        void promisingABotIsRefused() {
            String reply = replyText(inbound.command(slash(alice), "<@UBOT> the Q3 deck by friday"));
            assertThat(reply).isEqualTo("@UBOT is a bot or app, and can't receive promises. Promise a person instead.");
            assertNothingHappened();
        }

        @Test
        void promisingADeactivatedColleagueIsRefused() {
            String reply = replyText(inbound.command(slash(alice), "<@UGONE> the Q3 deck by friday"));
            assertThat(reply).isEqualTo("@UGONE's account is deactivated, so they can't receive promises.");
            assertNothingHappened();
        }

        @Test
        void promisingSomeoneTheDirectoryDoesNotKnowIsRefused() {
            directory.profiles.clear();
            String reply = replyText(inbound.command(slash(alice), "<@UBOB> the Q3 deck by friday"));
            assertThat(reply).startsWith("I couldn't find that colleague in this workspace");
            assertNothingHappened();
        }

        @Test
        void aNameThatIsNotAMention_inADirectMessage_getsAClearAnswer() {
            String reply = replyText(inbound.command(dm(alice), "@bob the Q3 deck by friday"));
            assertThat(reply).isEqualTo("I couldn't find @bob in this workspace: pick the colleague from the @ list "
                    + "so the name turns into a mention. Write it like this: `promise @bob the Q3 deck by friday 3pm`.");
            assertNothingHappened();
        }

        @Test
        void aNameThatIsNotAMention_withForms_opensTheFormAndSaysWhy() {
            Outcome outcome = inbound.command(slash(alice), "@bob the Q3 deck by friday");
            Form form = form(outcome);
            assertThat(intro(form)).startsWith("I couldn't find @bob in this workspace");
            assertThat(input(form, ActionIds.INPUT_RECEIVER, Form.PersonInput.class).initialUserId()).isNull();
            assertThat(input(form, ActionIds.INPUT_WHAT, Form.TextInput.class).initialValue()).isEqualTo("the Q3 deck");
            assertThat(input(form, ActionIds.INPUT_DUE, Form.DateTimeInput.class).initialValue()).isEqualTo(FRIDAY_EOD);
            assertThat(text(((Outcome.OpenForm) outcome).fallback())).startsWith("I couldn't find @bob");
            assertNothingHappened();
        }

        @Test
        void noMentionAtAll_asksWhoIsPromised() {
            String reply = replyText(inbound.command(dm(alice), "the Q3 deck by friday"));
            assertThat(reply).startsWith("Who are you promising? Start with an @mention of your colleague.");
            assertNothingHappened();
        }

        @Test
        void aDateInThePastIsRefused() {
            String reply = replyText(inbound.command(slash(alice), "<@UBOB> the Q3 deck by 2026-11-20"));
            assertThat(reply).startsWith("That time is already in the past. Pick a time in the future.")
                    .contains("For example: `by friday 3pm`");
            assertNothingHappened();
        }

        @Test
        void aDateMoreThanTwoYearsAwayIsRefused() {
            String reply = replyText(inbound.command(slash(alice), "<@UBOB> the Q3 deck by 2029-01-01"));
            assertThat(reply).startsWith("That's more than two years away.");
            assertNothingHappened();
        }

        @Test
        void aDateJustUnderTheLimitIsAccepted() {
            Instant limit = MONDAY_MORNING.plus(PromiseService.LONGEST_PROMISE);
            String reply = replyText(inbound.command(slash(alice), "<@UBOB> the Q3 deck by " + limit));
            assertThat(reply).startsWith("You promised @UBOB");
            assertThat(store.promises.values()).singleElement().extracting(Promise::due).isEqualTo(limit);
        }

        @Test
        void aWhatOfMoreThanAThousandCharactersIsRefusedAndNothingIsStored() {
            String what = "x".repeat(1_001);
            String reply = replyText(inbound.command(slash(alice), "<@UBOB> " + what + " by friday"));
            assertThat(reply).isEqualTo("That's 1,001 characters; keep what you promise under 1,000 characters. "
                    + "Link to a document for the details.");
            assertNothingHappened();
        }

        @Test
        void aWhatOfExactlyAThousandCharactersIsAccepted() {
            String what = "x".repeat(1_000);
            inbound.command(slash(alice), "<@UBOB> " + what + " by friday");
            assertThat(store.promises.values()).singleElement().extracting(Promise::what).isEqualTo(what);
            assertThat(messenger.sent).hasSize(1);
        }

        @Test
        void withoutAByPart_formsAvailable_theFormIsPrefilled() {
            Form form = form(inbound.command(slash(alice), "<@UBOB> the Q3 deck"));
            assertThat(form.formId()).isEqualTo(ActionIds.NEW_PROMISE_FORM);
            assertThat(intro(form)).isEqualTo("By when? Add it at the end, e.g. `by friday 3pm`.");
            assertThat(input(form, ActionIds.INPUT_RECEIVER, Form.PersonInput.class).initialUserId()).isEqualTo(BOB);
            assertThat(input(form, ActionIds.INPUT_WHAT, Form.TextInput.class).initialValue()).isEqualTo("the Q3 deck");
            assertThat(input(form, ActionIds.INPUT_DUE, Form.DateTimeInput.class).initialValue()).isNull();
            assertNothingHappened();
        }

        @Test
        void withoutAByPart_inADirectMessage_aUsageHint() {
            String reply = replyText(inbound.command(dm(alice), "<@UBOB> the Q3 deck"));
            assertThat(reply).isEqualTo("By when? Add it at the end, e.g. `by friday 3pm`. "
                    + "Write it like this: `promise @bob the Q3 deck by friday 3pm`.");
            assertNothingHappened();
        }

        @Test
        void anUnparseableDateIsQuotedInTheIntro() {
            Form form = form(inbound.command(slash(alice), "<@UBOB> the Q3 deck by someday soon"));
            assertThat(intro(form)).isEqualTo("I didn't understand \"someday soon\" as a date. "
                    + "Try `friday 3pm`, `tomorrow`, `in 3 days` or `dec 1`.");
            assertThat(input(form, ActionIds.INPUT_WHAT, Form.TextInput.class).initialValue()).isEqualTo("the Q3 deck");
            assertThat(input(form, ActionIds.INPUT_RECEIVER, Form.PersonInput.class).initialUserId()).isEqualTo(BOB);
            assertNothingHappened();
        }

        @Test
        void aDateButNothingPromised_asksWhatAndKeepsTheDate() {
            Form form = form(inbound.command(slash(alice), "<@UBOB> by friday"));
            assertThat(intro(form)).isEqualTo("What are you promising?");
            assertThat(input(form, ActionIds.INPUT_DUE, Form.DateTimeInput.class).initialValue()).isEqualTo(FRIDAY_EOD);
            assertThat(input(form, ActionIds.INPUT_WHAT, Form.TextInput.class).initialValue()).isEmpty();
            assertNothingHappened();
        }

        @Test
        void onlyAMention_asksWhat() {
            Form form = form(inbound.command(slash(alice), "<@UBOB>"));
            assertThat(intro(form)).isEqualTo("What are you promising?");
            assertNothingHappened();
        }

        @Test
        void emptyText_withForms_opensAnEmptyFormWithoutIntro() {
            Form form = form(inbound.command(slash(alice), "   "));
            assertThat(form.inputs()).extracting(Form.Input::id).containsExactly(ActionIds.INPUT_RECEIVER,
                    ActionIds.INPUT_WHAT, ActionIds.INPUT_MATTERS, ActionIds.INPUT_DUE);
            assertThat(input(form, ActionIds.INPUT_WHAT, Form.TextInput.class).maxLength()).isEqualTo(1_000);
            assertThat(input(form, ActionIds.INPUT_MATTERS, Form.TextInput.class).optional()).isTrue();
            assertThat(input(form, ActionIds.INPUT_WHAT, Form.TextInput.class).optional()).isFalse();
        }

        @Test
        void emptyText_inADirectMessage_isHelp() {
            assertThat(replyText(inbound.command(dm(alice), null))).isEqualTo(replyText(inbound.command(dm(alice), "help")));
        }

        @Test
        void storageUnavailable_isAFriendlyReplyAndNothingIsSaved() {
            store.down = true;
            String reply = replyText(inbound.command(slash(alice), "<@UBOB> the Q3 deck by friday"));
            assertThat(reply).isEqualTo("I can't reach my storage right now, so nothing was saved or changed. "
                    + "Please try again in a moment.");
            assertThat(store.promises).isEmpty();
            assertThat(messenger.sent).isEmpty();
        }

        @Test
        void storageUnavailable_forListAndDone_tooIsAFriendlyReply() {
            store.down = true;
            assertThat(replyText(inbound.command(dm(alice), "list"))).startsWith("I can't reach my storage right now");
            assertThat(replyText(inbound.command(dm(alice), "done K7Q2"))).startsWith("I can't reach my storage right now");
        }

        @Test
        void theReceiverNotReachable_stillStoresThePromiseAndSaysSo() {
            messenger.failing = true;
            String reply = replyText(inbound.command(slash(alice), "<@UBOB> the Q3 deck by friday"));
            assertThat(store.promises).hasSize(1);
            assertThat(reply).contains("The promise is saved, but I couldn't message them just now");
        }

        @Test
        void anUnexpectedFailureIsAnsweredWithoutLeakingDetails() {
            store.explodes = true;
            String reply = replyText(inbound.command(slash(alice), "<@UBOB> the Q3 deck by friday"));
            assertThat(reply).startsWith("Something went wrong on my side and nothing was changed.")
                    .doesNotContain("boom");
        }
    }

    @Nested
    class OneReceiverPerPromise {

        @Test
        void aSecondMentionIsRefusedNotSwallowedIntoWhatIsPromised() {
            String reply = replyText(inbound.command(slash(alice), "<@UBOB> <@UCAROL> the deck by friday"));
            assertThat(reply).isEqualTo("A promise has one receiver, and this one names @UBOB and @UCAROL. "
                    + "Make two promises instead: one to @UBOB, one to @UCAROL.");
            assertNothingHappened();
        }

        /** Someone the directory doesn't know is never named back as a live mention: the words stay inert. */
        @Test
        void aSecondMentionOfNobodyKnownIsNotEchoedAsAMention() {
            Outcome outcome = inbound.command(slash(alice), "<@UBOB> <@U333> the deck by friday");
            assertThat(replyText(outcome)).doesNotStartWith("A promise has one receiver");
            List<String> named = new ArrayList<>();
            for (Message.Block block : ((Outcome.Reply) outcome).message().blocks()) {
                if (block instanceof Message.Text t) {
                    t.text().spans().stream().filter(span -> span instanceof dev.kept.chat.Markup.PersonRef)
                            .forEach(span -> named.add(((dev.kept.chat.Markup.PersonRef) span).userId()));
                }
            }
            assertThat(named).contains("UBOB").doesNotContain("U333");
        }

        @Test
        void aSecondMentionIsRefusedInADirectMessageToo() {
            String reply = replyText(inbound.command(dm(alice), "<@UBOB> <@UCAROL> the deck by friday"));
            assertThat(reply).startsWith("A promise has one receiver");
            assertNothingHappened();
        }

        @Test
        void aRequestAsksOneColleague() {
            String reply = replyText(inbound.command(slash(alice), "ask <@UBOB> <@UCAROL> for the deck by friday"));
            assertThat(reply).isEqualTo("A request asks one colleague, and this one names @UBOB and @UCAROL. "
                    + "Ask them one at a time: one request to @UBOB, one to @UCAROL.");
            assertNothingHappened();
        }
    }

    @Nested
    class AskingSomeone {

        @Test
        void askingSomeoneToDoSomethingIsEchoedAsTyped() {
            String reply = replyText(inbound.command(slash(alice), "ask <@UCAROL> to review the doc by friday"));
            assertThat(reply).startsWith("You asked @UCAROL to review the doc by ");
            assertThat(messenger.sent).singleElement().satisfies(s ->
                    assertThat(text(s.message())).startsWith("@UALICE asks you to review the doc by "));
        }

        @Test
        void aTaskReadsAsOneWhenItsDateIsAccepted() {
            java.time.Instant now = java.time.Instant.parse("2026-11-23T09:00:00Z");
            Promise task = new Promise(new PromiseId("K7Q2"), new dev.kept.chat.Workspace("slack", "T1"), "UCAROL",
                    "UALICE", "to review the doc", "", now.plusSeconds(86_400), now, PromiseStatus.OPEN, 0, 0, "",
                    null, 0);
            PromiseMessages messages = new PromiseMessages(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));

            assertThat(text(messages.proposalAccepted(task, java.time.ZoneOffset.UTC)))
                    .startsWith("@UALICE accepted your date: you'll review the doc, due ");
            assertThat(text(messages.requestAccepted(task, java.time.ZoneOffset.UTC)))
                    .startsWith("@UCAROL will review the doc for you by ");
        }

        @Test
        void askingSomeoneForSomethingStillReadsFor() {
            String reply = replyText(inbound.command(slash(alice), "ask <@UCAROL> for the deck by friday"));
            assertThat(reply).startsWith("You asked @UCAROL for the deck by ");
            assertThat(messenger.sent).singleElement().satisfies(s ->
                    assertThat(text(s.message())).startsWith("@UALICE asks you for the deck by "));
        }
    }

    // ---------------------------------------------------------------- help and list

    @Nested
    class HelpAndList {

        @ParameterizedTest
        @ValueSource(strings = {"help", "HELP", "?", "hi", "hello", "promise help", "/promise help"})
        void helpExplainsTheCommands(String text) {
            String help = replyText(inbound.command(dm(alice), text));
            assertThat(help).startsWith("Kept helps you keep the promises you make to colleagues.")
                    .contains("`/promise @colleague what by when`")
                    .contains("`/promise list`")
                    .contains("`/promise done K7Q2`")
                    .contains("`/promise cancel K7Q2 reason`")
                    .contains("When: today, tomorrow, friday");
            assertNothingHappened();
        }

        @Test
        void listWithNothingOpen() {
            assertThat(replyText(inbound.command(dm(alice), "list")))
                    .isEqualTo("You have no open promises or requests. Make one with `/promise @colleague what by when`, "
                            + "or ask for something with `/promise ask @colleague for what by when`.");
        }

        @Test
        void listShowsBothSidesWithADeliverButtonOnlyForPromisesMade() {
            Promise p = makeAlicePromisesBob();
            Outcome aliceList = inbound.command(dm(alice), "ls");
            String aliceText = replyText(aliceList);
            assertThat(aliceText).contains("You promised")
                    .contains(p.id() + " · the Q3 deck → @UBOB · due Friday 27 Nov, 17:00")
                    .contains("Promised to you: nothing open.")
                    .contains("Times are in your time zone (UTC).");
            Message.Actions actions = ((Outcome.Reply) aliceList).message().blocks().stream()
                    .filter(Message.Actions.class::isInstance).map(Message.Actions.class::cast)
                    .findFirst().orElseThrow();
            assertThat(actions.buttons()).singleElement()
                    .isEqualTo(new Message.Button(ActionIds.DELIVER, "Mark delivered", p.id().value(), Message.Style.PRIMARY));

            String bobText = replyText(inbound.command(dm(bob), "list"));
            assertThat(bobText).contains("You promised: nothing open.")
                    .contains(p.id() + " · the Q3 deck from @UALICE · due Friday 27 Nov, 17:00")
                    .doesNotContain("[Mark delivered]");

            assertThat(replyText(inbound.command(dm(carol), "list"))).startsWith("You have no open promises or requests.");
        }
    }

    // ---------------------------------------------------------------- done and cancel

    @Nested
    class DoneAndCancel {

        @Test
        void doneWithoutAnId() {
            assertThat(replyText(inbound.command(dm(alice), "done")))
                    .isEqualTo("Which promise? Add its id, e.g. `/promise done K7Q2`. `/promise list` shows them.");
            assertThat(replyText(inbound.command(dm(alice), "cancel")))
                    .isEqualTo("Which promise? Add its id, e.g. `/promise cancel K7Q2`. `/promise list` shows them.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"done K0Q2", "done xyz!", "done K7", "deliver <@UBOB>", "cancel 12345678901 because"})
        void aMalformedId(String command) {
            assertThat(replyText(inbound.command(dm(alice), command)))
                    .isEqualTo("That doesn't look like a promise id (they look like K7Q2). `/promise list` shows yours.");
        }

        @Test
        void doneByTheProviderDeliversAndTellsTheReceiver() {
            Promise p = makeAlicePromisesBob();
            String reply = replyText(inbound.command(dm(alice), "done #" + p.id().value().toLowerCase()));
            assertThat(reply).isEqualTo("Marked " + p.id() + " (the Q3 deck) delivered. @UBOB has been told.");
            assertThat(store.find(WS, p.id()).orElseThrow().status()).isEqualTo(PromiseStatus.DELIVERED);
            assertThat(messenger.sent).singleElement().satisfies(sent -> {
                assertThat(sent.to()).isEqualTo(bob);
                assertThat(text(sent.message())).startsWith("@UALICE has delivered the Q3 deck (" + p.id() + ").");
            });
        }

        @Test
        void doneByTheReceiverIsRefused() {
            Promise p = makeAlicePromisesBob();
            assertThat(replyText(inbound.command(dm(bob), "done " + p.id())))
                    .isEqualTo("Only @UALICE, who made the promise, can deliver " + p.id() + ".");
            assertThat(store.find(WS, p.id()).orElseThrow()).isEqualTo(p);
            assertThat(messenger.sent).isEmpty();
        }

        @Test
        void doneTwiceIsRefused() {
            Promise p = makeAlicePromisesBob();
            inbound.command(dm(alice), "done " + p.id());
            assertThat(replyText(inbound.command(dm(alice), "done " + p.id())))
                    .startsWith(p.id() + " has already been delivered, so you can't");
            assertThat(messenger.sent).hasSize(1);
        }

        @Test
        void anUnknownIdAndSomeoneElsesPromiseGetTheSameAnswer() {
            Promise p = makeAlicePromisesBob();
            String id = p.id().value();
            String unknownId = "ZZZZ".equals(id) ? "YYYY" : "ZZZZ";

            String unknownDone = replyText(inbound.command(dm(carol), "done " + unknownId));
            String thirdPartyDone = replyText(inbound.command(dm(carol), "done " + id));
            String unknownCancel = replyText(inbound.command(dm(carol), "cancel " + unknownId + " not mine"));
            String thirdPartyCancel = replyText(inbound.command(dm(carol), "cancel " + id + " not mine"));

            String expected = "I don't know a promise %s of yours. `/promise list` shows the ones you're part of.";
            assertThat(unknownDone).isEqualTo(expected.formatted(unknownId));
            assertThat(thirdPartyDone).isEqualTo(expected.formatted(id));
            assertThat(unknownCancel).isEqualTo(unknownDone);
            assertThat(thirdPartyCancel).isEqualTo(thirdPartyDone);
            // a third party learns nothing: not the parties, not the what
            assertThat(thirdPartyDone + thirdPartyCancel).doesNotContain(ALICE, BOB, "Q3");

            assertThat(store.find(WS, p.id()).orElseThrow()).isEqualTo(p);
            assertThat(store.history.get(p.id())).hasSize(1);
            assertThat(messenger.sent).isEmpty();
        }

        @Test
        void providerCancelWithoutAReasonIsRefused() {
            Promise p = makeAlicePromisesBob();
            assertThat(replyText(inbound.command(dm(alice), "cancel " + p.id())))
                    .isEqualTo("Let @UBOB know why you can't keep it: `/promise cancel " + p.id() + " <a short reason>`");
            assertThat(store.find(WS, p.id()).orElseThrow().status()).isEqualTo(PromiseStatus.OPEN);
            assertThat(messenger.sent).isEmpty();
        }

        @Test
        void providerCancelWithAReasonReleasesAndTellsTheReceiver() {
            Promise p = makeAlicePromisesBob();
            String reply = replyText(inbound.command(dm(alice), "release " + p.id() + "   swamped by the <@UCAROL> audit "));

            Promise released = store.find(WS, p.id()).orElseThrow();
            assertThat(released.status()).isEqualTo(PromiseStatus.RELEASED);
            assertThat(released.closingNote()).isEqualTo("swamped by the @UCAROL audit");
            assertThat(store.history.get(p.id())).last()
                    .extracting(HistoryEntry::event).isEqualTo(HistoryEntry.Event.RELEASED);
            assertThat(reply).isEqualTo("Released " + p.id() + " (the Q3 deck). @UBOB has been told.");
            assertThat(messenger.sent).singleElement().satisfies(sent -> {
                assertThat(sent.to()).isEqualTo(bob);
                assertThat(text(sent.message()))
                        .contains("@UALICE can't keep their promise the Q3 deck (" + p.id() + ") and has released it.")
                        .contains("Their reason: swamped by the @UCAROL audit");
            });
        }

        @Test
        void receiverCancelCancelsAndTellsTheProvider() {
            Promise p = makeAlicePromisesBob();
            String reply = replyText(inbound.command(dm(bob), "cancel " + p.id()));

            assertThat(store.find(WS, p.id()).orElseThrow().status()).isEqualTo(PromiseStatus.CANCELLED);
            assertThat(reply).isEqualTo("Cancelled " + p.id() + " (the Q3 deck). @UALICE has been told.");
            assertThat(messenger.sent).singleElement().satisfies(sent -> {
                assertThat(sent.to()).isEqualTo(alice);
                assertThat(text(sent.message())).startsWith("@UBOB no longer needs the Q3 deck (" + p.id() + ")")
                        .doesNotContain("Their note");
            });
        }

        @Test
        void aReasonLongerThanAThousandCharactersIsRefused() {
            Promise p = makeAlicePromisesBob();
            assertThat(replyText(inbound.command(dm(alice), "cancel " + p.id() + " " + "y".repeat(1_001))))
                    .isEqualTo("Keep the reason under 1000 characters.");
            assertThat(store.find(WS, p.id()).orElseThrow().status()).isEqualTo(PromiseStatus.OPEN);
        }

        @Test
        void cancellingTwiceIsRefusedNamingTheStatus() {
            Promise p = makeAlicePromisesBob();
            inbound.command(dm(bob), "cancel " + p.id());
            assertThat(replyText(inbound.command(dm(alice), "cancel " + p.id() + " sorry")))
                    .isEqualTo(p.id() + " was cancelled by @UBOB, so you can't cancel it.");
        }
    }

    // ---------------------------------------------------------------- buttons

    @Nested
    class Buttons {

        @Test
        void receiverAcknowledges_theOriginalIsReplacedWithoutButtons() {
            Promise p = makeAlicePromisesBob();
            Outcome outcome = inbound.action(bob, ActionIds.ACKNOWLEDGE, p.id().value());
            assertThat(outcome).isInstanceOf(Outcome.ReplaceOriginal.class);
            Message replaced = ((Outcome.ReplaceOriginal) outcome).message();
            assertThat(replaced.blocks()).noneMatch(Message.Actions.class::isInstance);
            assertThat(text(replaced)).contains("You said sounds good; @UALICE knows.");
            assertThat(messenger.sent).singleElement().extracting(Sent::to).isEqualTo(alice);
        }

        @Test
        void aThirdPersonClickingIsTreatedAsUnknown() {
            Promise p = makeAlicePromisesBob();
            assertThat(replyText(inbound.action(carol, ActionIds.ACKNOWLEDGE, p.id().value())))
                    .startsWith("I don't know a promise " + p.id());
        }

        @Test
        void providerCannotOpenTheSuggestForm() {
            Promise p = makeAlicePromisesBob();
            assertThat(replyText(inbound.action(alice, ActionIds.SUGGEST, p.id().value())))
                    .isEqualTo("Only @UBOB, who the promise was made to, can suggest a change to " + p.id() + ".");
        }

        @Test
        void receiverGetsTheSuggestFormForThatPromise() {
            Promise p = makeAlicePromisesBob();
            Form form = form(inbound.action(bob, ActionIds.SUGGEST, p.id().value()));
            assertThat(form.formId()).isEqualTo(ActionIds.SUGGEST_FORM);
            assertThat(form.context()).isEqualTo(p.id().value());
            assertThat(input(form, ActionIds.INPUT_DUE, Form.DateTimeInput.class).initialValue()).isEqualTo(p.due());
            assertThat(store.history.get(p.id())).hasSize(1);
        }

        @Test
        void providerAcceptsASuggestedDate() {
            Promise p = makeAlicePromisesBob();
            Instant monday = Instant.parse("2026-11-30T17:00:00Z");
            Outcome outcome = inbound.action(alice, ActionIds.ACCEPT_DUE, p.id() + "@" + monday.getEpochSecond());
            assertThat(outcome).isInstanceOf(Outcome.ReplaceOriginal.class);
            Promise moved = store.find(WS, p.id()).orElseThrow();
            assertThat(moved.due()).isEqualTo(monday);
            assertThat(moved.renegotiations()).isEqualTo(1);
            assertThat(messenger.sent).singleElement().extracting(Sent::to).isEqualTo(bob);
        }

        @ParameterizedTest
        @ValueSource(strings = {"K7Q2", "K7Q2@", "K7Q2@soon", "K7Q2@-5", "K7Q2@1234567890123"})
        void aMalformedAcceptValueIsOutOfDate(String value) {
            assertThat(replyText(inbound.action(alice, ActionIds.ACCEPT_DUE, value)))
                    .isEqualTo("That button is out of date. Use `/promise list` to see where things stand.");
        }

        @Test
        void anUnknownActionIsRefused() {
            assertThat(replyText(inbound.action(alice, "promise.nope", "K7Q2")))
                    .isEqualTo("That button isn't one I know any more. Try `/promise list`.");
        }
    }

    // ---------------------------------------------------------------- forms

    @Nested
    class Forms {

        private final Instant tomorrow = MONDAY_MORNING.plus(Duration.ofDays(1));

        @Test
        void aValidNewPromiseFormHasNoErrors() {
            assertThat(inbound.check(alice, newPromiseForm(BOB, "the Q3 deck", "", tomorrow))).isEmpty();
        }

        @Test
        void anEmptyNewPromiseFormNamesEveryRequiredField() {
            Map<String, String> errors = inbound.check(alice, newPromiseForm(null, null, null, null));
            assertThat(errors).containsOnlyKeys(ActionIds.INPUT_RECEIVER, ActionIds.INPUT_WHAT, ActionIds.INPUT_DUE);
            assertThat(errors.get(ActionIds.INPUT_RECEIVER)).isEqualTo("Pick the colleague you're promising.");
            assertThat(errors.get(ActionIds.INPUT_WHAT)).startsWith("Say what you're promising");
            assertThat(errors.get(ActionIds.INPUT_DUE)).isEqualTo("Pick when it will be done.");
        }

        @Test
        void aBlankWhatIsMissing() {
            assertThat(inbound.check(alice, newPromiseForm(BOB, "   \n ", "", tomorrow)))
                    .containsOnlyKeys(ActionIds.INPUT_WHAT);
        }

        @Test
        void promisingYourselfInTheForm() {
            assertThat(inbound.check(alice, newPromiseForm(ALICE, "the Q3 deck", "", tomorrow)))
                    .containsExactly(Map.entry(ActionIds.INPUT_RECEIVER,
                            "You can't make a promise to yourself. Pick a colleague."));
        }

        @Test
        void tooLongTexts() {
            Map<String, String> errors = inbound.check(alice,
                    newPromiseForm(BOB, "x".repeat(1_001), "m".repeat(1_001), tomorrow));
            assertThat(errors).containsOnlyKeys(ActionIds.INPUT_WHAT, ActionIds.INPUT_MATTERS);
            assertThat(errors.get(ActionIds.INPUT_WHAT)).startsWith("That's 1,001 characters");
            assertThat(errors.get(ActionIds.INPUT_MATTERS)).isEqualTo("Keep this under 1000 characters (it has 1001).");
            assertThat(inbound.check(alice, newPromiseForm(BOB, "x".repeat(1_000), "m".repeat(1_000), tomorrow)))
                    .isEmpty();
        }

        @Test
        void dueInThePastOrNowOrTooFar() {
            assertThat(inbound.check(alice, newPromiseForm(BOB, "w", "", MONDAY_MORNING.minusSeconds(60))))
                    .containsExactly(Map.entry(ActionIds.INPUT_DUE, "That time is already in the past. Pick a time in the future."));
            assertThat(inbound.check(alice, newPromiseForm(BOB, "w", "", MONDAY_MORNING)))
                    .containsOnlyKeys(ActionIds.INPUT_DUE);
            Map<String, String> tooFar = inbound.check(alice, newPromiseForm(BOB, "w", "",
                    MONDAY_MORNING.plus(PromiseService.LONGEST_PROMISE).plusSeconds(1)));
            assertThat(tooFar).containsOnlyKeys(ActionIds.INPUT_DUE);
            assertThat(tooFar.get(ActionIds.INPUT_DUE)).startsWith("That's more than two years away.");
        }

        @Test
        void checkingAsksNoOne() {
            store.down = true;
            directory.profiles.clear();
            assertThat(inbound.check(alice, newPromiseForm(BOB, "the Q3 deck", "", tomorrow))).isEmpty();
        }

        @Test
        void suggestFormRefusesAPastDateAndAcceptsNoDate() {
            FormSubmission past = new FormSubmission(ActionIds.SUGGEST_FORM, "K7Q2", Map.of(), Map.of(),
                    Map.of(ActionIds.INPUT_DUE, MONDAY_MORNING));
            assertThat(inbound.check(bob, past)).containsOnlyKeys(ActionIds.INPUT_DUE);
            FormSubmission noteOnly = new FormSubmission(ActionIds.SUGGEST_FORM, "K7Q2",
                    Map.of(ActionIds.INPUT_NOTE, "call me"), Map.of(), Map.of());
            assertThat(inbound.check(bob, noteOnly)).isEmpty();
        }

        @Test
        void submittingTheNewPromiseFormMakesThePromiseWithWhatMatters() {
            Outcome outcome = inbound.submit(alice, newPromiseForm(BOB, "  the Q3 deck  ", " numbers first ", tomorrow));
            assertThat(replyText(outcome)).startsWith("You promised @UBOB the Q3 deck by");
            Promise p = store.promises.values().iterator().next();
            assertThat(p.what()).isEqualTo("the Q3 deck");
            assertThat(p.whatMatters()).isEqualTo("numbers first");
            assertThat(p.due()).isEqualTo(tomorrow);
            assertThat(text(messenger.sent.get(0).message())).contains("What matters to you: numbers first");
        }

        @Test
        void submittingABlankWhatIsRefused() {
            assertThat(replyText(inbound.submit(alice, newPromiseForm(BOB, " ", "", tomorrow))))
                    .startsWith("Say what you're promising");
            assertNothingHappened();
        }

        @Test
        void submittingWithoutReceiverOrDueIsRefused() {
            assertThat(replyText(inbound.submit(alice, newPromiseForm(null, "w", "", tomorrow))))
                    .isEqualTo("Pick the colleague you're promising.");
            assertThat(replyText(inbound.submit(alice, newPromiseForm(BOB, "w", "", null))))
                    .isEqualTo("Pick when it will be done.");
            assertNothingHappened();
        }

        @Test
        void submittingASuggestionTellsTheProvider() {
            Promise p = makeAlicePromisesBob();
            Instant later = p.due().plus(Duration.ofDays(3));
            FormSubmission suggestion = new FormSubmission(ActionIds.SUGGEST_FORM, p.id().value(),
                    Map.of(ActionIds.INPUT_NOTE, "after the board meeting"), Map.of(), Map.of(ActionIds.INPUT_DUE, later));
            assertThat(replyText(inbound.submit(bob, suggestion)))
                    .isEqualTo("I've passed your suggestion for " + p.id() + " on to @UALICE.");
            assertThat(messenger.sent).singleElement().satisfies(sent -> {
                assertThat(sent.to()).isEqualTo(alice);
                assertThat(text(sent.message())).contains("Their note: after the board meeting")
                        .contains("[Accept the new date]");
            });
            assertThat(store.find(WS, p.id()).orElseThrow().due()).isEqualTo(p.due());
        }

        @Test
        void theReleaseFormIsTheProvidersOnlyEvenWhenSubmittedByHand() {
            Promise p = makeAlicePromisesBob();
            FormSubmission release = new FormSubmission(ActionIds.RELEASE_FORM, p.id().value(),
                    Map.of(ActionIds.INPUT_NOTE, "not needed"), Map.of(), Map.of());
            assertThat(replyText(inbound.submit(bob, release))).contains("Only @UALICE");
            assertThat(store.find(WS, p.id()).orElseThrow().status()).isEqualTo(PromiseStatus.OPEN);
            assertThat(messenger.sent).isEmpty();

            assertThat(replyText(inbound.submit(alice, release))).startsWith("Released");
            assertThat(store.find(WS, p.id()).orElseThrow().status()).isEqualTo(PromiseStatus.RELEASED);
        }

        @Test
        void anUnknownFormIsRefused() {
            FormSubmission unknown = new FormSubmission("promise.old", "", Map.of(), Map.of(), Map.of());
            assertThat(inbound.check(alice, unknown)).isEmpty();
            assertThat(replyText(inbound.submit(alice, unknown)))
                    .isEqualTo("That form isn't one I know any more. Please start again.");
        }
    }

    // ---------------------------------------------------------------- fakes

    /** Treats {@code <@UXXX>} as a mention of UXXX; {@link #plain} writes mentions as {@code @UXXX}. */
    static final class MentionText implements PlatformText {
        private static final Pattern MENTION = Pattern.compile("<@([A-Z0-9]+)>");

        @Override
        public Optional<String> userIdOf(String token) {
            Matcher m = MENTION.matcher(token);
            return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
        }

        @Override
        public String plain(String raw) {
            return MENTION.matcher(raw).replaceAll("@$1");
        }
    }
}
