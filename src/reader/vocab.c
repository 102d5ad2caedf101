/* vocab.c: what a column or a sentence may hold: rounds, amounts, places, sectors, dates; CSV. See reader.h. */
#include "config.h"

#include "reader/reader.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistr.h>

#include "amount.h"
#include "diag.h"
#include "gazetteer.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

/* ---- vocabularies ---------------------------------------------------------------------- */

/* Whether a match of len bytes at s ends at a word's end. */
int word_end(const char *s, size_t len)
{
	char c = s[len];
	return c == '\0' || c == ' ' || c == ',' || c == ')' || c == '(' || c == '.' || c == ';';
}

/* A round at s: its length, and the round as the store writes it ("B 라운드"; 轮 is 라운드). */
size_t match_round(const char *s, char *out, size_t size)
{
	static const struct {
		const char *text, *as;
	} words[] = {
		{ "지분양도", "지분양도" },       { "지분 양도", "지분양도" },
		{ "전략 투자", "전략 투자" },     { "전략투자", "전략 투자" },
		{ "엔젤 라운드", "엔젤 라운드" }, { "시드 라운드", "시드 라운드" },
		{ "엔젤", "엔젤 라운드" },        { "시드", "시드 라운드" },
		{ "Pre-IPO", "Pre-IPO" },         { "IPO", "IPO" },
		{ "战略投资", "전략 투자" },      { "天使轮", "엔젤 라운드" },
		{ "种子轮", "시드 라운드" },      { "股权转让", "지분양도" },
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t n = strlen(words[i].text);
		if (strncmp(s, words[i].text, n) == 0 && word_end(s, n)) {
			snprintf(out, size, "%s", words[i].as);
			return n;
		}
	}
	/* [Pre-]A[+|1-9] 라운드 / 轮 */
	const char *p = s;
	char letters[16];
	size_t nl = 0;
	if (starts(p, "Pre-")) {
		memcpy(letters, "Pre-", 4);
		nl = 4;
		p += 4;
	}
	if (*p < 'A' || *p > 'Z')
		return 0;
	letters[nl++] = *p++;
	while ((*p == '+' || (*p >= '0' && *p <= '9')) && nl < 10)
		letters[nl++] = *p++;
	letters[nl] = '\0';
	if (*p == ' ')
		p++;
	size_t n;
	if (starts(p, "라운드"))
		n = strlen("라운드");
	else if (starts(p, "轮"))
		n = strlen("轮");
	else
		return 0;
	if (!word_end(p, n))
		return 0;
	snprintf(out, size, "%s 라운드", letters);
	return (size_t)(p - s) + n;
}

/* The longest amount at s that ends at a word's end and names a currency (or says it is
 * undisclosed). Returns its length. */
size_t match_amount(const char *s)
{
	if ((*s < '0' || *s > '9') && !starts(s, "거의") && !starts(s, "약") &&
	    !starts(s, "미공개") && !starts(s, "US$") && !starts(s, "$"))
		return 0;
	size_t best = 0, off = 0;
	for (int words = 0; words < 7 && s[off]; words++) {
		/* A thousands comma ("1,200 만 달러") is part of the number. */
		while (s[off] && s[off] != ' ' && s[off] != ')' &&
		       !(s[off] == ',' && !(off && s[off - 1] >= '0' && s[off - 1] <= '9' &&
					    s[off + 1] >= '0' && s[off + 1] <= '9')))
			off++;
		char *prefix = xstrndup(s, off);
		struct amount a;
		enum amount_status st = amount_parse(prefix, &a, NULL, NULL);
		free(prefix);
		if ((st == AMOUNT_OK && a.currency[0]) || st == AMOUNT_UNDISCLOSED)
			best = off;
		if (s[off] != ' ')
			break;
		off++;
	}
	return best;
}

/* Korean names of a place with what the newsletter leaves off: 장쑤 for 장쑤성, 네이멍구 for
 * 네이멍구자치구. */
static size_t match_name(const char *s, const char *name)
{
	if (!name || !*name)
		return 0;
	size_t n = strlen(name);
	if (strncmp(s, name, n) == 0 && word_end(s, n))
		return n;
	static const char *const suffixes[] = { "특별행정구", "자치구", "성", "시", NULL };
	for (const char *const *sf = suffixes; *sf; sf++) {
		size_t k = strlen(*sf);
		if (n > k + 3 && strcmp(name + n - k, *sf) == 0 && strncmp(s, name, n - k) == 0 &&
		    word_end(s, n - k))
			return n - k;
	}
	return 0;
}

/* A place of the gazetteer at s (a province, city or country, in Korean, Chinese, English
 * or an alias): the length of the longest. */
size_t place_homonym(const char *s)
{
	static const char *const names[] = { "산시성", "산시", NULL };
	for (const char *const *n = names; *n; n++)
		if (strncmp(s, *n, strlen(*n)) == 0 && word_end(s, strlen(*n)))
			return strlen(*n);
	return 0;
}

size_t match_place(const char *s)
{
	size_t best = place_homonym(s);
	for (size_t i = 0; i < gazetteer_count; i++) {
		const struct place_row *p = &gazetteer_places[i];
		const char *names[] = { p->name_ko, p->name_zh, p->name_en };
		for (size_t k = 0; k < 3; k++) {
			size_t n = match_name(s, names[k]);
			if (n > best)
				best = n;
		}
		/* "산시성(山西)": the Korean name with its characters; the bare reading is shared. */
		const char *a = p->aliases;
		while (a && *a) {
			const char *bar = strchr(a, '|');
			size_t len = bar ? (size_t)(bar - a) : strlen(a);
			char *alias = xstrndup(a, len);
			size_t n = match_name(s, alias);
			free(alias);
			if (n > best)
				best = n;
			a = bar ? bar + 1 : NULL;
		}
	}
	return best;
}

/* The industries of the newsletter's source (睿兽), as the tables write them. */
static const char *const sectors[] = {
	"스마트 제조", "인공지능", "의료 건강", "소재", "기업 서비스", "자동차 교통",
	"문화 및 오락", "문화 오락", "전자상거래", "블록체인", "에너지 전력", "생명공학",
	"생활 서비스", "전통 산업", "금융", "교육", "부동산", "농업", "물류", "소비",
	"로봇", "반도체", "항공우주", "하드웨어", "소프트웨어", "게임", "미디어", "환경 보호",
	"식품", "관광", "통신", "보안", "정보 기술", "바이오", "헬스케어", "에너지", NULL,
};

size_t match_sector(const char *s)
{
	size_t best = 0;
	for (const char *const *v = sectors; *v; v++) {
		size_t n = strlen(*v);
		if (n > best && strncmp(s, *v, n) == 0 && word_end(s, n))
			best = n;
	}
	return best;
}

/* A sector at s in a sentence: followed by a word's end or a particle ("인공지능는",
 * "소재이다", "소재 순으로"). */
size_t match_sector_in_sentence(const char *s)
{
	static const char *const particles[] = { "은", "는", "이", "가", "의", "과", "와", "로",
						 "으로", "순", "등", NULL };
	size_t best = 0;
	for (const char *const *v = sectors; *v; v++) {
		size_t n = strlen(*v);
		if (n <= best || strncmp(s, *v, n) != 0)
			continue;
		int ok = word_end(s, n);
		for (const char *const *pt = particles; *pt && !ok; pt++)
			ok = strncmp(s + n, *pt, strlen(*pt)) == 0;
		if (ok)
			best = n;
	}
	return best;
}

/* What a company's 소개 ends with: the kind of company it is. */
int ends_like_description(const char *s, size_t len)
{
	static const char *const ends[] = { "업체", "기업", "회사", "은행", "플랫폼", "기관",
					    "메이커", "스타트업", "브랜드", "제조사", "개발사",
					    "운영사", "공급사", "제공사", "그룹", NULL };
	for (const char *const *e = ends; *e; e++) {
		size_t n = strlen(*e);
		if (len >= n && memcmp(s + len - n, *e, n) == 0)
			return 1;
	}
	return 0;
}

/* Letters a PDF's font draws alike, put right where nothing else can be meant: "Al" as a
 * word is AI (a lower-case L for the capital I), and a word that begins with "ll" and a vowel
 * lost its capital I (llumina: Illumina). Each repair is a warning. Takes a malloc'd text
 * and returns it, perhaps moved. */
char *repair_letters(struct reader *r, size_t line, char *s)
{
	for (size_t i = 0; s[i]; i++) {
		char prev = i ? s[i - 1] : ' ';
		int word_start = !((prev >= 'a' && prev <= 'z') || (prev >= 'A' && prev <= 'Z') ||
				   (prev >= '0' && prev <= '9') || prev == '-');
		if (!word_start || !s[i + 1])
			continue;
		char next2 = s[i + 2];
		int letter_or_digit = (next2 >= 'a' && next2 <= 'z') || (next2 >= 'A' && next2 <= 'Z') ||
				      (next2 >= '0' && next2 <= '9');
		if (s[i] == 'A' && s[i + 1] == 'l' && !letter_or_digit) {
			s[i + 1] = 'I';
			reader_warn(r, line, _("read 'Al' as 'AI' (the font draws a capital I like l)"));
		} else if (s[i] == 'l' && s[i + 1] == 'l' && next2 && strchr("aeiou", next2)) {
			size_t n = strlen(s);
			s = xrealloc(s, n + 2);
			memmove(s + i + 1, s + i, n - i + 1);
			s[i] = 'I';
			size_t e = i;
			while (s[e] && s[e] != ' ' && s[e] != ',')
				e++;
			reader_warn(r, line, _("read '%.*s' as '%.*s' (a capital I lost before ll)"),
			     (int)(e - i - 1), s + i + 1, (int)(e - i), s + i);
		}
	}
	return s;
}

/* ---- CSV ------------------------------------------------------------------------------- */

void csv_field(struct buf *b, const char *v, int last)
{
	if (v && strpbrk(v, ",\"\n")) {
		buf_addc(b, '"');
		for (const char *p = v; *p; p++) {
			if (*p == '"')
				buf_addc(b, '"');
			buf_addc(b, *p);
		}
		buf_addc(b, '"');
	} else if (v) {
		buf_adds(b, v);
	}
	buf_addc(b, last ? '\n' : ',');
}

/* ---- dates ----------------------------------------------------------------------------- */

void note_date(struct reader *r, const char *date)
{
	if (date[0] && strcmp(date, r->latest) > 0)
		snprintf(r->latest, sizeof r->latest, "%s", date);
}

static long read_int(const char *s, const char **end)
{
	long v = 0;
	const char *p = s;
	while (*p >= '0' && *p <= '9' && p - s < 5)
		v = v * 10 + (*p++ - '0');
	*end = p;
	return p > s ? v : -1;
}

/* "2025 년 3 월 27 일" or "3 월 26 일" (the year then is year): the first in s, as ISO. */
int find_month_day(const char *s, int year, char *out)
{
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || (p > s && p[-1] >= '0' && p[-1] <= '9'))
			continue;
		const char *e;
		long a = read_int(p, &e);
		const char *q = skip_spaces(e, 0) + e;
		long y = year, m, d;
		if (a >= 1990 && a <= 2100 && starts(q, "년")) {
			y = a;
			q = skip_spaces(q + strlen("년"), 0) + q + strlen("년");
			m = read_int(q, &e);
			q = e + skip_spaces(e, 0);
		} else {
			m = a;
		}
		if (m < 1 || m > 12 || !starts(q, "월"))
			continue;
		q += strlen("월");
		q += skip_spaces(q, 0);
		d = read_int(q, &e);
		q = e + skip_spaces(e, 0);
		if (d < 1 || d > 31 || !starts(q, "일") || y <= 0)
			continue;
		iso_date(out, y, m, d);
		return 1;
	}
	return 0;
}
