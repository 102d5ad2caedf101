/* linebreak.c: UAX #14 line breaking, rule by rule (LB1-LB31; LB25 as Example 7). */
#include "config.h"

#include "linebreak.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "util.h"

enum lb {
	LB_XX, LB_AI, LB_AL, LB_B2, LB_BA, LB_BB, LB_BK, LB_CB, LB_CJ, LB_CL, LB_CM, LB_CP,
	LB_CP_EA, LB_CR, LB_EB, LB_EM, LB_EX, LB_GL, LB_H2, LB_H3, LB_HL, LB_HY, LB_ID, LB_IN,
	LB_IS, LB_JL, LB_JT, LB_JV, LB_LF, LB_NL, LB_NS, LB_NU, LB_OP, LB_OP_EA, LB_PO, LB_PR,
	LB_QU, LB_RI, LB_SA, LB_SG, LB_SP, LB_SY, LB_WJ, LB_XX_EP, LB_ZW, LB_ZWJ,
};

static const struct {
	unsigned first, last;
	enum lb cls;
} table[] = {
#include "linebreak.inc"
};

static enum lb lookup(ucs4_t c)
{
	size_t lo = 0, hi = sizeof table / sizeof table[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c < table[mid].first)
			hi = mid;
		else if (c > table[mid].last)
			lo = mid + 1;
		else
			return table[mid].cls;
	}
	return LB_XX;
}

/* One code point as the rules see it. */
struct cp {
	size_t at;      /* byte offset */
	enum lb raw;    /* the class after LB1 */
	enum lb cls;    /* after LB9 (the base's class) and LB10 */
	int absorbed;   /* a CM or ZWJ joined to the character before it (LB9) */
	int ea;         /* OP or CP that is East Asian F, W or H (LB30) */
	int pict_cn;    /* Extended_Pictographic and unassigned (LB30b) */
};

static int in(enum lb c, const enum lb *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (c == set[i])
			return 1;
	return 0;
}
#define IN(c, ...) in((c), (const enum lb[]){ __VA_ARGS__ }, sizeof((const enum lb[]){ __VA_ARGS__ }) / sizeof(enum lb))

/* The class of the last code point before k that is not a space, or LB_XX. */
static enum lb before_spaces(const struct cp *v, size_t k)
{
	while (k > 0 && v[k - 1].cls == LB_SP)
		k--;
	return k > 0 ? v[k - 1].cls : LB_XX;
}

/* The index of the character (not absorbed) before index k, or (size_t)-1. */
static size_t prev_base(const struct cp *v, size_t k)
{
	while (k > 0) {
		k--;
		if (!v[k].absorbed)
			return k;
	}
	return (size_t)-1;
}

/* Is there a number, NU (NU | SY | IS)*, ending at index j (a base)? */
static int number_ends_at(const struct cp *v, size_t j)
{
	for (;;) {
		if (v[j].cls == LB_NU)
			return 1;
		if (!IN(v[j].cls, LB_SY, LB_IS))
			return 0;
		size_t b = prev_base(v, j);
		if (b == (size_t)-1)
			return 0;
		j = b;
	}
}

/* 1: break before k, 0: none. */
static int decide(const struct cp *v, size_t n, size_t k)
{
	enum lb a = v[k - 1].cls, b = v[k].cls, araw = v[k - 1].raw;
	/* LB4, LB5 */
	if (araw == LB_BK)
		return 1;
	if (araw == LB_CR && v[k].raw == LB_LF)
		return 0;
	if (araw == LB_CR || araw == LB_LF || araw == LB_NL)
		return 1;
	/* LB6, LB7 */
	if (IN(v[k].raw, LB_BK, LB_CR, LB_LF, LB_NL))
		return 0;
	if (IN(v[k].raw, LB_SP, LB_ZW))
		return 0;
	/* LB8 */
	if (before_spaces(v, k) == LB_ZW || a == LB_ZW)
		return 1;
	/* LB8a */
	if (araw == LB_ZWJ)
		return 0;
	/* LB9 */
	if (v[k].absorbed)
		return 0;
	/* LB11 */
	if (b == LB_WJ || a == LB_WJ)
		return 0;
	/* LB12, LB12a */
	if (a == LB_GL)
		return 0;
	if (b == LB_GL && !IN(a, LB_SP, LB_BA, LB_HY))
		return 0;
	/* LB13 */
	if (IN(b, LB_CL, LB_CP, LB_EX, LB_IS, LB_SY))
		return 0;
	enum lb s = before_spaces(v, k);
	/* LB14-LB17 */
	if (s == LB_OP)
		return 0;
	if (s == LB_QU && b == LB_OP)
		return 0;
	if (IN(s, LB_CL, LB_CP) && b == LB_NS)
		return 0;
	if (s == LB_B2 && b == LB_B2)
		return 0;
	/* LB18 */
	if (a == LB_SP)
		return 1;
	/* LB19, LB20 */
	if (b == LB_QU || a == LB_QU)
		return 0;
	if (b == LB_CB || a == LB_CB)
		return 1;
	/* LB21, LB21a, LB21b */
	if (IN(b, LB_BA, LB_HY, LB_NS) || a == LB_BB)
		return 0;
	if (IN(a, LB_HY, LB_BA)) {
		/* The character before a (before its base, when a mark follows it). */
		size_t ai = v[k - 1].absorbed ? prev_base(v, k) : k - 1;
		size_t p = prev_base(v, ai);
		if (p != (size_t)-1 && v[p].cls == LB_HL)
			return 0;
	}
	if (a == LB_SY && b == LB_HL)
		return 0;
	/* LB22 */
	if (b == LB_IN)
		return 0;
	/* LB23, LB23a, LB24 */
	if ((IN(a, LB_AL, LB_HL) && b == LB_NU) || (a == LB_NU && IN(b, LB_AL, LB_HL)))
		return 0;
	if ((a == LB_PR && IN(b, LB_ID, LB_EB, LB_EM)) || (IN(a, LB_ID, LB_EB, LB_EM) && b == LB_PO))
		return 0;
	if ((IN(a, LB_PR, LB_PO) && IN(b, LB_AL, LB_HL)) || (IN(a, LB_AL, LB_HL) && IN(b, LB_PR, LB_PO)))
		return 0;
	/* LB25, as Example 7 */
	{
		size_t ai = v[k - 1].absorbed ? prev_base(v, k) : k - 1;
		if (IN(a, LB_PR, LB_PO)) {
			if (b == LB_NU)
				return 0;
			if (IN(b, LB_OP, LB_HY)) {
				size_t j = k + 1;
				while (j < n && v[j].absorbed)
					j++;
				if (j < n && v[j].cls == LB_NU)
					return 0;
			}
		}
		if (IN(a, LB_OP, LB_HY) && b == LB_NU)
			return 0;
		if (IN(a, LB_NU, LB_SY, LB_IS) && number_ends_at(v, ai) &&
		    IN(b, LB_NU, LB_SY, LB_IS, LB_CL, LB_CP))
			return 0;
		if (IN(b, LB_PO, LB_PR)) {
			if (IN(a, LB_NU, LB_SY, LB_IS) && number_ends_at(v, ai))
				return 0;
			if (IN(a, LB_CL, LB_CP)) {
				size_t p = prev_base(v, ai);
				if (p != (size_t)-1 && number_ends_at(v, p))
					return 0;
			}
		}
	}
	/* LB26, LB27 */
	if (a == LB_JL && IN(b, LB_JL, LB_JV, LB_H2, LB_H3))
		return 0;
	if (IN(a, LB_JV, LB_H2) && IN(b, LB_JV, LB_JT))
		return 0;
	if (IN(a, LB_JT, LB_H3) && b == LB_JT)
		return 0;
	if (IN(a, LB_JL, LB_JV, LB_JT, LB_H2, LB_H3) && b == LB_PO)
		return 0;
	if (a == LB_PR && IN(b, LB_JL, LB_JV, LB_JT, LB_H2, LB_H3))
		return 0;
	/* LB28, LB29 */
	if (IN(a, LB_AL, LB_HL) && IN(b, LB_AL, LB_HL))
		return 0;
	if (a == LB_IS && IN(b, LB_AL, LB_HL))
		return 0;
	/* LB30 */
	if (IN(a, LB_AL, LB_HL, LB_NU) && b == LB_OP && !v[k].ea)
		return 0;
	if (a == LB_CP && !v[k - 1].ea && IN(b, LB_AL, LB_HL, LB_NU))
		return 0;
	/* LB30a: regional indicators in pairs */
	if (a == LB_RI && b == LB_RI) {
		size_t count = 0;
		for (size_t j = k; j > 0 && v[j - 1].cls == LB_RI;) {
			j--;
			if (!v[j].absorbed)
				count++;
		}
		if (count % 2 == 1)
			return 0;
	}
	/* LB30b */
	if (b == LB_EM) {
		size_t ai = v[k - 1].absorbed ? prev_base(v, k) : k - 1;
		if (a == LB_EB || v[ai].pict_cn)
			return 0;
	}
	/* LB31 */
	return 1;
}

void linebreak_opportunities(const char *s, size_t len, char *p)
{
	memset(p, 0, len);
	if (!len)
		return;
	struct cp *v = xmalloc(len * sizeof *v);
	size_t n = 0;
	const uint8_t *u = (const uint8_t *)s;
	for (size_t i = 0; i < len;) {
		ucs4_t c;
		int m = u8_mbtouc(&c, u + i, len - i);
		if (m <= 0)
			m = 1;
		enum lb cls = lookup(c);
		struct cp cp = { .at = i };
		/* LB1 */
		switch (cls) {
		case LB_AI:
		case LB_SG:
		case LB_XX:
			cls = LB_AL;
			break;
		case LB_XX_EP:
			cls = LB_AL;
			cp.pict_cn = 1;
			break;
		case LB_SA:
			cls = uc_is_general_category(c, UC_CATEGORY_Mn) ||
					      uc_is_general_category(c, UC_CATEGORY_Mc)
				      ? LB_CM
				      : LB_AL;
			break;
		case LB_CJ:
			cls = LB_NS;
			break;
		case LB_OP_EA:
			cls = LB_OP;
			cp.ea = 1;
			break;
		case LB_CP_EA:
			cls = LB_CP;
			cp.ea = 1;
			break;
		default:
			break;
		}
		cp.raw = cls;
		cp.cls = cls;
		/* LB9: a mark or a ZWJ takes the class of the character it follows; LB10: any
		 * other is AL. */
		if (cls == LB_CM || cls == LB_ZWJ) {
			if (n > 0 && !IN(v[n - 1].cls, LB_BK, LB_CR, LB_LF, LB_NL, LB_SP, LB_ZW)) {
				cp.cls = v[n - 1].cls;
				cp.absorbed = 1;
				cp.ea = v[n - 1].ea;
				cp.pict_cn = v[n - 1].pict_cn;
			} else {
				cp.cls = LB_AL;
			}
		}
		v[n++] = cp;
		i += (size_t)m;
	}
	for (size_t k = 1; k < n; k++)
		p[v[k].at] = (char)decide(v, n, k);
	free(v);
}
