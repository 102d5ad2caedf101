#!/usr/bin/env python3
"""Writes keepall.txt: cases of Korean keep-all and Chinese kinsoku line breaking, each with
the breaks the rules allow marked by '|' (see text.h, K1-K6, on top of UAX #14). The expected
breaks come from the rules as stated here, not from jubo: Korean breaks only at spaces,
except between a number and the unit words after it; a URL only before and after it;
Chinese between ideographs, except inside a number with its units.

    python3 tests/unit/keepall.py > tests/unit/keepall.txt
"""
cases = []

# K5: a number keeps its unit word across the newsletter's space.
numbers = ["39", "985.54", "1", "10", "2025", "68", "3.5"]
units = ["억", "만", "건", "년", "월", "일", "회", "개", "명", "위안", "달러"]
particles = ["", "이", "을", "의", "에", "은", "도"]
for i, n in enumerate(numbers):
    for j, u in enumerate(units):
        p = particles[(i + j) % len(particles)]
        cases.append(f"총 |{n} {u}{p} |늘었다")

# K5 chained: "억 위안", "억 달러", "만 위안".
for n in numbers:
    cases.append(f"금액은 |{n} 억 위안이다")
    cases.append(f"투자 |규모는 |{n} 억 달러로 |집계됐다")
    cases.append(f"인수 |금액 |{n} 만 위안")

# K1 and K3: a word keeps its brackets and particles.
names = ["운항인증서", "퉁이", "알리바바", "노텔집적", "베이징"]
abbrs = ["OC", "通义", "AI", "北电集成", "DeepSeek", "BCI"]
parts = ["를", "가", "는", "와", "의", "로"]
for i, name in enumerate(names):
    for j, abbr in enumerate(abbrs):
        part = parts[(i + j) % len(parts)]
        cases.append(f"{name}({abbr}){part} |받았다")

# K1 after a closing bracket with a number inside: "(전체의 68%)이었고".
for n in ["68", "88", "23", "36", "7.63"]:
    cases.append(f"상위 |산업이 |(전체의 |{n}%)이었고 |늘었다")

# K2: a middle dot never begins a line (and keep-all holds around it).
pairs = [("알리", "통이"), ("AI", "로봇"), ("중국", "한국"), ("연구", "개발"), ("인공지능", "제조"),
         ("생산", "판매"), ("베이징", "상하이"), ("투자", "인수"), ("정책", "제도"), ("칩", "반도체")]
for a, b in pairs:
    cases.append(f"{a}·{b} |협력")
    cases.append(f"{a}∙{b} |분야")

# K6: a URL is one word.
urls = ["https://mp.weixin.qq.com/s/NK-jRm1umjGBZFnKstfIEA",
        "https://baijiahao.baidu.com/s?id=1827622150981792500&wfr=spider&for=pc",
        "http://www.gov.cn/zhengce/content/2025-03/24/content_1.htm",
        "https://example.com/a/b/c.html", "www.kic-china.org/news/418",
        "https://www.36kr.com/p/3219483201", "http://finance.sina.com.cn/roll/2025-03-27/doc.shtml",
        "https://m.thepaper.cn/newsDetail_forward_30489012", "https://cn.chinadaily.com.cn/a/202503/27/WS67e4.html",
        "https://www.stcn.com/article/detail/1612345.html"]
for url in urls:
    cases.append(f"출처: |{url} |참고")
    cases.append(f"링크 |{url}")

# Chinese: breaks between ideographs (UAX #14), none inside a number with its units (K4).
verbs = ["实现", "增长", "达到", "融资", "投资"]
amounts = ["1", "10", "985.54", "3.2"]
cunits = ["亿度", "亿元", "万元", "亿美元", "年", "个月"]
for v in verbs:
    for a in amounts:
        for u in cunits:
            cases.append("|".join(v) + "|" + a + u)

print("\n".join(cases))
