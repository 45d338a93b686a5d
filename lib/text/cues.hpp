// Role cues from the conventions of news writing: datelines open an
// article, bylines open or close one. Each cue is a class of forms.
#pragma once

#include <cstddef>  // size_t
#include <string_view>

namespace colreflow::detail {

// Length in bytes of a dateline that opens `text`, or 0.
//   CJK: a run of ideographs and digits (spaces allowed) ending in 讯 or 电
//        within the first 24 characters, with no punctuation before it:
//        "本报讯", "本报北京讯", "新华社北京3月5日电"; or a 【…】 bracket.
//   Latin: one or more upper-case words (commas, dates allowed) followed by a
//        dash within the first 60 characters: "WASHINGTON —", "BOSTON, June 29 --".
std::size_t dateline_length(std::string_view text);

// True when the text starting with `first` and going on with `second`
// opens with a dateline, though the line end may cut it ("新华社北京3" /
// "月5日电 …").
bool opens_with_dateline(std::string_view first, std::string_view second);

// True for a line that is a byline opening an article on its own:
// "By JANE DOE", "— By …". (A CJK credit "(高美梅)" closes one instead: see
// ends_with_byline.)
bool is_byline_line(std::string_view text);

// True for a line holding nothing but a closing credit: "（文轩）".
bool is_credit_line(std::string_view text);

// True when `text` (a line) ends with an author credit closing an article:
// a short parenthesised CJK name group "(高美梅)", "（记者 王明 通讯员 李华）".
bool ends_with_byline(std::string_view text);

// As ends_with_byline, for a credit that may have wrapped from the line
// before: "（记者 王明" / "李华）".
bool closes_with_credit(std::string_view before, std::string_view last);

// Byte offset of the opening bracket of that closing credit, or npos.
std::size_t byline_start(std::string_view text);

}  // namespace colreflow::detail
