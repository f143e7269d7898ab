//! Unit tests of the chat parser, on short synthetic chats.

use super::*;
use crate::diag::Severity;

fn ok(text: &str) -> ChatLog {
    match parse("t.txt", text) {
        Ok(log) => log,
        Err(e) => panic!("rejected: {e:?}"),
    }
}

fn names(log: &ChatLog) -> Vec<&str> {
    log.messages.iter().map(|m| m.name.as_str()).collect()
}

fn texts(log: &ChatLog) -> Vec<&str> {
    log.messages.iter().map(|m| m.text.as_str()).collect()
}

fn warning_lines(log: &ChatLog) -> Vec<Option<usize>> {
    assert!(
        log.diagnostics
            .iter()
            .all(|d| d.severity == Severity::Warning)
    );
    log.diagnostics.iter().map(|d| d.line).collect()
}

#[test]
fn tab_layout_messages_names_and_offsets() {
    let log = ok("00:01:02\tAnn Lee:\tgood morning\r\n\
                  00:01:05\tKit | Acme:\thi\r\n\
                  01:00:00\tSam (sam1):\tone: two\r\n\
                  1:02:03\tDr: Who:\tx\r\n");
    assert_eq!(log.layout, ChatLayout::ZoomTab);
    assert_eq!(log.clock, ChatClock::Offset);
    assert_eq!(
        names(&log),
        ["Ann Lee", "Kit | Acme", "Sam (sam1)", "Dr: Who"]
    );
    assert_eq!(texts(&log), ["good morning", "hi", "one: two", "x"]);
    let times: Vec<u64> = log.messages.iter().map(|m| m.time_ms).collect();
    assert_eq!(times, [62_000, 65_000, 3_600_000, 3_723_000]);
    let lines: Vec<usize> = log.messages.iter().map(|m| m.line).collect();
    assert_eq!(lines, [1, 2, 3, 4]);
    assert!(log.diagnostics.is_empty());
    assert_eq!(log.source, "t.txt");
}

#[test]
fn tab_offsets_may_pass_24_hours() {
    let log = ok("30:00:00\tAnn:\tlong call\n");
    assert_eq!(log.messages[0].time_ms, 30 * 3_600_000);
}

#[test]
fn tab_multi_line_messages_and_blank_lines() {
    let log = ok(
        "00:00:01\tAnn:\tfirst line\nsecond line\n\nafter a blank\r\n\
                  00:00:02\tBo:\tshort\r\n\
                  \r\n",
    );
    assert_eq!(
        texts(&log),
        ["first line\nsecond line\n\nafter a blank", "short"]
    );
    assert_eq!(log.messages[1].line, 5);
}

#[test]
fn a_line_starting_with_a_time_but_not_a_header_continues_the_message() {
    let log = ok(
        "00:00:01\tAnn:\tcan we meet at\n12:00:00 works for me\n02:11 PM\r\n\
                  00:00:09\tBo:\tyes\r\n",
    );
    assert_eq!(log.messages.len(), 2);
    assert_eq!(
        log.messages[0].text,
        "can we meet at\n12:00:00 works for me\n02:11 PM"
    );
}

#[test]
fn replies_lose_their_header_and_keep_the_quote() {
    let log = ok("00:00:01\tAnn:\tis the sound cutting out for anyone?\r\n\
                  00:00:02\tBo:\tReplying to \"is the sound cutting...\"\n\nHere too\r\n\
                  00:00:03\tCy:\tReplying to \"is the sound cutting…\"\nA bit for me\r\n\
                  00:00:04\tDee:\tReplying to \"[Whole message not shown]\" \n\n Agreed, \"quoted\" word\r\n");
    assert_eq!(log.messages.len(), 4);
    let m = &log.messages;
    assert_eq!(m[0].reply_to, None);
    assert_eq!(m[1].reply_to.as_deref(), Some("is the sound cutting..."));
    assert_eq!(m[1].text, "Here too");
    assert_eq!(m[2].reply_to.as_deref(), Some("is the sound cutting…"));
    assert_eq!(m[2].text, "A bit for me");
    assert_eq!(m[3].reply_to.as_deref(), Some("[Whole message not shown]"));
    assert_eq!(m[3].text, "Agreed, \"quoted\" word");
}

#[test]
fn a_reply_quote_may_span_lines() {
    let log = ok(
        "00:00:05\tAnn:\tReplying to \"-- plan A \nstep one...\" \n\n so step two?\nand three\r\n\
                  00:00:06\tBo:\tReplying to \"My list:\nred\n\"blue\"\n\nthat's all.\"\n\nwhy so short?\r\n",
    );
    assert_eq!(
        log.messages[0].reply_to.as_deref(),
        Some("-- plan A\nstep one...")
    );
    assert_eq!(log.messages[0].text, "so step two?\nand three");
    // The quote ends at the first line that ends with `"`.
    assert_eq!(
        log.messages[1].reply_to.as_deref(),
        Some("My list:\nred\n\"blue")
    );
    assert_eq!(log.messages[1].text, "that's all.\"\n\nwhy so short?");
}

#[test]
fn a_reply_on_one_line_and_a_reply_that_never_closes() {
    let log = ok(
        "10:01:10 From Ann to Everyone:\n\tReplying to \"Good morning all\" Hi there\n\
                  10:01:20 From Bo to Everyone:\n\tReplying to \"unclosed quote\n\tand more\n",
    );
    assert_eq!(
        log.messages[0].reply_to.as_deref(),
        Some("Good morning all")
    );
    assert_eq!(log.messages[0].text, "Hi there");
    assert_eq!(log.messages[1].reply_to, None);
    assert_eq!(
        log.messages[1].text,
        "Replying to \"unclosed quote\nand more"
    );
}

#[test]
fn reactions_are_not_messages() {
    let log = ok("00:00:01\tAnn:\thello all\r\n\
                  00:00:02\tBo:\tReacted to \"hello all\" with 👍\r\n\
                  00:00:03\tCy:\tReacted to \"What about it?\nW...\" with 🐻‍❄️\r\n\
                  00:00:04\tDee:\tReacted to plan for the w... with \"🔥\"\r\n\
                  00:00:05\tEd:\tReacted to \"x\" with 2️⃣\r\n\
                  00:00:06\tFay:\tReacted to \"the plan\" with surprise\r\n");
    assert_eq!(names(&log), ["Ann", "Fay"]);
    let r: Vec<(&str, &str, &str, usize)> = log
        .reactions
        .iter()
        .map(|r| (r.name.as_str(), r.emoji.as_str(), r.target.as_str(), r.line))
        .collect();
    assert_eq!(
        r,
        [
            ("Bo", "👍", "hello all", 2),
            ("Cy", "🐻‍❄️", "What about it?\nW...", 3),
            ("Dee", "🔥", "plan for the w...", 5),
            ("Ed", "2️⃣", "x", 6),
        ]
    );
    assert_eq!(log.reactions[0].time_ms, 2000);
}

#[test]
fn a_reaction_spanning_many_lines_ends_at_the_next_header() {
    let log = ok(
        "00:00:01\tAnn:\tReacted to \"line one\n\nline \"two\"\nend\" with ❤️\r\n\
                  00:00:02\tBo:\tok\r\n",
    );
    assert_eq!(log.reactions.len(), 1);
    assert_eq!(log.reactions[0].target, "line one\n\nline \"two\"\nend");
    assert_eq!(log.reactions[0].emoji, "❤️");
    assert_eq!(names(&log), ["Bo"]);
}

#[test]
fn removed_reactions_are_counted_only() {
    let log = ok(
        "10:00:01 From Ann to Everyone:\n\tRemoved a 👍 reaction from \"hello\"\n\
                  10:00:02 From Bo to Everyone:\n\tRemoved a reaction from \"hello\nthere\"\n\
                  10:00:03 From Cy to Everyone:\n\tRemoved a reaction\n\
                  10:00:04 From Dee to Everyone:\n\tRemoved a bug from the build\n",
    );
    assert_eq!(log.removed_reactions, 3);
    assert!(log.reactions.is_empty());
    assert_eq!(texts(&log), ["Removed a bug from the build"]);
}

#[test]
fn from_layout_with_bare_cr_inside_messages() {
    let text = "09:03:42\t From  Ann Lee : is it only this?\r\rmore\r\r\r\"quoted\" line\r\n\
                09:04:41\t From  Ann Lee : https://example.org/x\r\n\
                09:05:00\t From  Bo (she/her) Lab / example.org : ok : fine\r\n\
                09:06:00\t From  Dr: Who : hi\r\n";
    let log = ok(text);
    assert_eq!(log.layout, ChatLayout::ZoomFrom);
    assert_eq!(log.clock, ChatClock::TimeOfDay);
    assert_eq!(
        names(&log),
        [
            "Ann Lee",
            "Ann Lee",
            "Bo (she/her) Lab / example.org",
            "Dr: Who"
        ]
    );
    assert_eq!(
        texts(&log),
        [
            "is it only this?\n\nmore\n\n\n\"quoted\" line",
            "https://example.org/x",
            "ok : fine",
            "hi"
        ]
    );
    // Lone CRs end lines: the second message is on line 7.
    let lines: Vec<usize> = log.messages.iter().map(|m| m.line).collect();
    assert_eq!(lines, [1, 7, 8, 9]);
    assert_eq!(log.messages[0].time_ms, (9 * 3600 + 3 * 60 + 42) * 1000);
}

#[test]
fn from_layout_with_single_spaces_and_lf() {
    let log = ok("08:58:13\t From Ann : Welcome  everyone!!\n08:58:28\t From Bo Z : thanks\n");
    assert_eq!(log.layout, ChatLayout::ZoomFrom);
    assert_eq!(names(&log), ["Ann", "Bo Z"]);
    assert_eq!(texts(&log), ["Welcome  everyone!!", "thanks"]);
}

#[test]
fn from_to_layout_one_line_forms() {
    let log = ok("10:00:00 From Ann Lee to Everyone: hello: all\n\
                  10:00:05 From  Bo  to  Everyone : hi : there\n\
                  10:00:07\t From  Cy  to  Everyone : tabbed\n\
                  10:00:09 From Dee To Everyone: capital To\n\
                  10:00:10 From Back to School to Everyone: a name with to\n\
                  10:00:11 From Ed to All panelists and attendees: webinar\n\
                  10:00:12 From Fay to Everyone: the list:\n");
    assert_eq!(log.layout, ChatLayout::ZoomFromTo);
    assert_eq!(log.clock, ChatClock::TimeOfDay);
    assert_eq!(
        names(&log),
        ["Ann Lee", "Bo", "Cy", "Dee", "Back to School", "Ed", "Fay"]
    );
    assert_eq!(
        texts(&log),
        [
            "hello: all",
            "hi : there",
            "tabbed",
            "capital To",
            "a name with to",
            "webinar",
            "the list:"
        ]
    );
    assert_eq!(log.private_left_out, 0);
}

#[test]
fn from_to_layout_with_the_message_on_indented_lines() {
    let log = ok("11:36:50 From Ann Lee To Everyone:\n\
                  \tcould we set the stage first?\n\
                  \x20   \n\
                  11:37:22 From  Bo  to  Everyone: \n\
                  \tline one\n\
                  \t\tindented more\n\
                  \n\
                  11:38:04 From Cy To Everyone:\n\
                  \tReplying to \"could we set the st...\"\n\
                  \tyes please\n\
                  11:39:00 From Dee To Everyone:\n\
                  \tReacted to \"could we set the st...\" with 👍\n");
    assert_eq!(log.layout, ChatLayout::ZoomFromTo);
    assert_eq!(names(&log), ["Ann Lee", "Bo", "Cy"]);
    assert_eq!(
        texts(&log),
        [
            "could we set the stage first?",
            "line one\nindented more",
            "yes please"
        ]
    );
    assert_eq!(
        log.messages[2].reply_to.as_deref(),
        Some("could we set the st...")
    );
    let lines: Vec<usize> = log.messages.iter().map(|m| m.line).collect();
    assert_eq!(lines, [1, 4, 8]);
    assert_eq!(log.reactions.len(), 1);
    assert_eq!(log.reactions[0].name, "Dee");
    assert_eq!(log.reactions[0].line, 11);
}

/// Every private form is counted and leaves neither its sender, its recipient nor its
/// text anywhere in the log.
#[test]
fn private_messages_are_counted_and_dropped() {
    let forms = [
        "10:00:01 From Pia to Quin(Direct Message):\n\tSECRET1\n",
        "10:00:02 From  Pia  to  Quin(Privately) : SECRET2\n",
        "10:00:03\t From  Pia   to   Quin(Privately) : SECRET3\n",
        "10:00:04 From Pia to Quin (direct message): SECRET4\n",
        "10:00:05 From Pia to Me: SECRET5\n",
        "10:00:06 From Me to Quin: SECRET6\n",
        "10:00:07 From Pia to Quin : SECRET7\n",
        "10:00:08 From Pia to All Panelists: SECRET8\n",
        "10:00:09 From Pia to Hosts and panelists:\n\tSECRET9\n",
        "10:00:10 From Pia to Waiting Room: SECRET10\n",
        "10:00:11 From Pia to Everyone (in Waiting Room): SECRET11\n",
        "10:00:12 From Pia to Everyone(Direct Message):\n\tSECRET12\n",
        "10:00:13 From Pia to Quin(Direct Message): say hi to Everyone: SECRET13\n",
        "10:00:14 From Pia to Quin:\n\tReacted to \"x\" with 👍 SECRET14\n",
        "00:00:15\tPia to Quin(Direct Message):\tSECRET15\n",
        "00:00:16\tPia to Quin(Privately):\tSECRET16\n",
        "10:00:17 From  Pia  to  Quin : Removed a reaction SECRET17\n",
        "10:00:18 From Pia to Quin:\n\tReplying to \"x\"\n\tSECRET18\n",
        "10:00:19 From Pia: Who to Me:\n\tSECRET19\n",
    ];
    for form in forms {
        let log = ok(form);
        assert_eq!(log.private_left_out, 1, "{form:?}");
        assert_eq!(log.removed_reactions, 0, "{form:?}");
        let all = format!("{log:?}");
        for word in ["SECRET", "Pia", "Quin"] {
            assert!(!all.contains(word), "{word} kept from {form:?}: {all}");
        }
    }
    // All together, between public messages.
    let mut text = String::from("09:59:00 From Ann to Everyone: before\n");
    for form in forms {
        text.push_str(form);
    }
    text.push_str("10:30:00 From Bo to Everyone: after\n");
    let log = ok(&text);
    assert_eq!(log.private_left_out, forms.len());
    assert_eq!(texts(&log), ["before", "after"]);
    assert!(!format!("{log:?}").contains("SECRET"));
}

#[test]
fn from_me_to_everyone_is_public() {
    let log = ok("10:00:00 From Me to Everyone: my own message\n");
    assert_eq!(names(&log), ["Me"]);
    assert_eq!(log.private_left_out, 0);
}

#[test]
fn a_file_of_only_private_messages_is_read() {
    let log = ok("10:00:01 From Ann to Bo(Direct Message):\n\thi\n\
                  10:00:02 From Bo to Ann(Direct Message):\n\thello\n");
    assert_eq!(log.private_left_out, 2);
    assert!(log.messages.is_empty());
    assert!(log.reactions.is_empty());
    assert_eq!(log.clock, ChatClock::TimeOfDay);
}

#[test]
fn bom_crlf_cr_and_trailing_white_space() {
    let log = ok("\u{feff}00:00:01\tAnn:\tone  \r\n00:00:02\tBo:\ttwo\rthree \t\r\n\r\n  \r\n");
    assert_eq!(names(&log), ["Ann", "Bo"]);
    assert_eq!(texts(&log), ["one", "two\nthree"]);
    assert_eq!(log.messages[1].line, 2);
    assert!(log.diagnostics.is_empty());
    let log = ok("\u{feff}10:00:00 From Ann to Everyone:\r\n\thi\r\n");
    assert_eq!(texts(&log), ["hi"]);
}

#[test]
fn lines_before_the_first_message_are_one_warning() {
    let log = ok("Meeting chat\n\nsaved by Ann\n00:00:01\tAnn:\thi\n");
    assert_eq!(names(&log), ["Ann"]);
    assert_eq!(warning_lines(&log), [Some(1)]);
    assert!(log.diagnostics[0].message.starts_with("2 line(s)"));
}

#[test]
fn a_time_that_is_not_a_time_skips_its_message_with_a_warning() {
    let log = ok("10:00:00 From Ann to Everyone: ok\n\
                  24:00:00 From Bo to Everyone: no such hour\n\tstill Bo\n\
                  10:61:00 From Cy to Everyone: no such minute\n\
                  10:00:60 From Dee to Everyone: no such second\n\
                  10:01:00 From Ed to Everyone: ok too\n");
    assert_eq!(names(&log), ["Ann", "Ed"]);
    assert_eq!(warning_lines(&log), [Some(2), Some(4), Some(5)]);
    assert!(log.diagnostics[0].message.contains("`24:00:00`"));
    let log = ok("00:00:01\tAnn:\tok\n00:99:00\tBo:\tbad\n");
    assert_eq!(names(&log), ["Ann"]);
    assert_eq!(warning_lines(&log), [Some(2)]);
}

#[test]
fn a_header_without_a_name_is_a_warning() {
    let log = ok("00:00:01\t:\tnobody\n00:00:02\tAnn:\tsomebody\n");
    assert_eq!(names(&log), ["Ann"]);
    assert_eq!(warning_lines(&log), [Some(1)]);
}

#[test]
fn text_that_is_no_chat_is_an_error_naming_the_line() {
    for (text, line) in [
        ("", 1),
        ("\u{feff}", 1),
        ("  \r\n\n", 1),
        ("\n\nAnn: hello\nBo: hi\n", 3),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAnn: hi\n", 1),
        ("1\n00:00:01,000 --> 00:00:02,000\nhi\n", 1),
        ("{\"a\": 1}", 1),
        ("00:05:00\n\nAnn: hi\n", 1),
        ("100:00:00\tAnn:\thi\n", 1),
        ("00:00:01 Ann: hello\n", 1),
    ] {
        let e = parse("x", text).expect_err(text);
        assert_eq!(e.severity, Severity::Error, "{text:?}");
        assert_eq!(e.line, Some(line), "{text:?}");
    }
}

#[test]
fn looks_like_chat_accepts_the_layouts() {
    for text in [
        "00:13:46\tAnn:\tgm\r\n00:13:51\tBo:\tgm\r\n",
        "\u{feff}\r\n\r\n00:13:46\tAnn Lee (al):\tgm\r\n",
        "09:03:42\t From  Ann Lee : hi\r\n",
        "08:58:13\t From Ann (she/her) Lab / x.org : hi\n",
        "10:00:01 From Ann to Everyone: hi\n",
        "10:00:01 From  Ann  to  Everyone : hi\n",
        "10:00:01 From Ann Lee To Everyone:\n\thello\n",
        "10:00:01 From Ann to Bo(Direct Message):\n\thello\n",
        "9:00:01 From Ann to Everyone: early\n",
    ] {
        assert!(looks_like_chat(text), "{text:?}");
        assert!(parse("x", text).is_ok(), "{text:?}");
    }
}

#[test]
fn looks_like_chat_rejects_other_formats() {
    for text in [
        "",
        "\n\n",
        "WEBVTT\r\n\r\n1\r\n00:04:01.680 --> 00:04:02.770\r\nAnn Lee: Hey.\r\n",
        "1\n00:00:00,179 --> 00:00:02,399\nAnn: When you first\n",
        "{\"results\": []}",
        "[{\"speaker\": \"A\"}]",
        "Ann: hello\nBo: hi\n",
        "Ann Lee  0:00  \nIt is more important than ever.\n\nBo  0:34  \nWelcome.\n",
        "# A call (2023-05-18 15:59 GMT+1) - Transcript\n\n### Attendees\nAnn, Bo\n",
        "00:05:00\n\nAnn: and so on\n",
        "[00:01:02] Ann: hello\n",
        "00:01:02 Ann: hello\n",
        "00:01:02.000 Ann: hello\n",
        "0:00:01.000,0:00:03.000\nhello\n",
        "SPEAKER m 1 0.5 1.0 <NA> <NA> A <NA> <NA>\n",
        "Meeting chat\n00:00:01\tAnn:\thi\n",
        "00:61:00\tAnn:\thi\n",
    ] {
        assert!(!looks_like_chat(text), "{text:?}");
    }
}

#[test]
fn lines_split_at_crlf_lf_and_cr() {
    let v: Vec<&str> = Lines::new("a\r\nb\nc\rd\r\r\ne\n").collect();
    assert_eq!(v, ["a", "b", "c", "d", "", "e"]);
    assert_eq!(Lines::new("").count(), 0);
    assert_eq!(Lines::new("x").collect::<Vec<_>>(), ["x"]);
    assert_eq!(Lines::new("\n").collect::<Vec<_>>(), [""]);
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "00:00:01\t",
        "00:00:01\tAnn:",
        "00:00:01 From",
        "00:00:01 From :",
        "00:00:01 From  : x",
        "00:00:01 From Ann to",
        "00:00:01 From Ann to Everyone",
        "00:00:01\tAnn:\tReplying to \"",
        "00:00:01\tAnn:\tReacted to \"",
        "00:00:01\tAnn:\tReacted to \" with \"",
        "00:00:01\tAnn:\tReacted to with \"👍\"",
        "00:00:01\tAnn:\tReacted to \"\" with 👍",
        "0:0:01\tAnn:\tx",
        "00:00:01é\tAnn:\tx",
        "é00:00:01\tAnn:\tx",
        "99:99:99 From é to é: é",
    ] {
        let _ = parse("x", text);
        let _ = looks_like_chat(text);
    }
    let log = ok("00:00:01\tAnn:\tReacted to \"\" with 👍");
    assert_eq!(log.reactions[0].target, "");
}
