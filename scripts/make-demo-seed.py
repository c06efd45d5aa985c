#!/usr/bin/env python3
"""Write the fictional demo street (临江街道) to seeds/demo/*.csv, deterministically.

Sized like the street in the source text: 8 communities, 64 grids, 192 micro-grids, about 250
buildings, each grid staffed 1+1+2+N, a few thousand households with must-visit tags, and
some open tickets. All names and phone numbers are invented.

After changing the CSV files (by this script or by hand), run scripts/embed-seeds.py so the
binary's embedded copy matches; a test fails when they differ.
"""
import csv
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "seeds", "demo")
rng = random.Random(20261129)

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤")
GIVEN = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文红玉志海燕晓东春梅淑珍慧琴云飞鹏辉凤宁萍丹俊峰欣怡子涵浩然梓睿雨轩")
NUMERALS = "一二三四五六七八九十"

COMMUNITIES = [
    ("JB", "江滨", 9), ("BG", "北固", 8), ("XH", "新河", 8), ("YS", "银山", 7),
    ("WT", "梧桐", 8), ("JQ", "金桥", 8), ("NH", "南湖", 9), ("YT", "云台", 7),
]
ESTATES = ["新村", "花园", "苑", "公寓", "家园"]

CATEGORIES = [
    ("party_public", "党群政务", "Party & public affairs", 30, 60, 1440),
    ("convenience", "便民服务", "Convenience service", 30, 60, 480),
    ("mediation", "矛盾调解", "Dispute mediation", 15, 30, 720),
    ("hazard", "安全隐患", "Safety hazard", 10, 20, 240),
    ("care", "关爱帮扶", "Care for the vulnerable", 30, 60, 720),
]
TITLES = {
    "party_public": ["办理居住证明", "老年优待证咨询", "党员组织关系转接", "医保缴费咨询", "开具困难证明", "退役军人信息登记"],
    "convenience": ["楼道灯不亮", "下水道堵塞", "单元门禁损坏", "代收快递点咨询", "小区路面积水", "垃圾清运不及时", "电梯异响"],
    "mediation": ["邻里噪音纠纷", "楼上漏水纠纷", "停车位占用纠纷", "宠物扰民", "物业费争议", "装修扰民"],
    "hazard": ["电动车楼道充电", "消防通道堵塞", "窨井盖破损", "高空抛物", "燃气异味", "外墙瓷砖松动"],
    "care": ["独居老人助餐", "残障人士出行协助", "留守儿童课后托管", "空巢老人探视", "困难家庭临时救助", "老人就医陪护"],
}
MUST_VISIT = ["elderly_party_member", "elderly_alone", "aid_recipient", "difficult_family", "special_group"]
TEAMS = ["building", "self_governance", "property", "social_work", "new_organisations"]

used_names = set()


def person():
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        if name not in used_names:
            used_names.add(name)
            return name


def resident_name():
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def phone():
    # 1550000xxxx: an invented block, for display only
    return "15500" + "".join(rng.choice("0123456789") for _ in range(6))


def write(name, header, rows):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{name}: {len(rows)} rows")


communities, grids, micro, buildings, households, staff, tickets = [], [], [], [], [], [], []
staff_seq = 0


def add_staff(name, role, grid, community, duty, team="", shift=("08:00", "18:00")):
    global staff_seq
    staff_seq += 1
    sid = f"S{staff_seq:04d}"
    staff.append([sid, name, role, grid, community, phone(), duty, team, shift[0], shift[1]])
    return sid


def duty():
    return rng.choices(["on", "busy", "visit", "off"], weights=[60, 15, 12, 13])[0]


household_seq = 0
for c_code, c_name, grid_count in COMMUNITIES:
    communities.append([c_code, c_name + "社区"])
    add_staff(person(), "dispatcher", "", c_code, "on")
    for g in range(1, grid_count + 1):
        g_code = f"{c_code}{g:02d}"
        grids.append([g_code, c_code, f"{c_name}{NUMERALS[g - 1]}网格"])
        # 1+1+2+N, with a few deliberate gaps the command centre must see
        incomplete = g_code in ("BG03", "NH07")
        nobody = g_code == "YS05"
        d = (lambda: "off") if nobody else duty
        add_staff(person(), "all_round", g_code, c_code, d())
        if not incomplete:
            add_staff(person(), "professional", g_code, c_code, d())
        add_staff(person(), "party_household", g_code, c_code, d())
        if g_code != "NH07":
            add_staff(person(), "party_household", g_code, c_code, d())
        for _ in range(rng.randint(1, 4)):
            add_staff(person(), "volunteer", g_code, c_code, d(), rng.choice(TEAMS), ("09:00", "17:00"))
        add_staff(person(), "grid_worker", g_code, c_code, d())
        estate = c_name + rng.choice(ESTATES)
        b_in_grid = 0
        for m in range(1, 4):
            m_code = f"{g_code}-M{m}"
            chief = add_staff(person(), "micro_chief", g_code, c_code, d())
            micro.append([m_code, g_code, f"第{m}微网格", chief])
            for _ in range(rng.choice((1, 1, 1, 2))):
                b_in_grid += 1
                b_code = f"{g_code}-B{b_in_grid:02d}"
                bchief = add_staff(person(), "building_chief", g_code, c_code, d())
                buildings.append([b_code, g_code, m_code, f"{estate}{b_in_grid}栋", bchief])
                for _ in range(rng.randint(8, 16)):
                    household_seq += 1
                    tags = []
                    if rng.random() < 0.12:
                        tags = rng.sample(MUST_VISIT, rng.choice((1, 1, 2)))
                    households.append([f"H{household_seq:05d}", b_code, resident_name(), phone(), "|".join(tags)])

for _ in range(3):
    add_staff(person(), "operator", "", "", "on", "", ("00:00", "23:59"))

# Tickets: open ones in every stage, a few near or past their deadline, and some closed history.
sla = {c[0]: c[3:] for c in CATEGORIES}
grid_codes = [g[0] for g in grids]
grid_staff = {}
for s in staff:
    if s[2] in ("all_round", "professional", "grid_worker"):
        grid_staff.setdefault(s[3], []).append(s[0])
seq = 0


def ticket(state, opened, since, grid=None, category=None, priority=None):
    global seq
    seq += 1
    category = category or rng.choice(list(TITLES))
    grid = grid or rng.choice(grid_codes)
    assignee = rng.choice(grid_staff[grid]) if state in ("accepted", "resolved", "rated") else ""
    tickets.append([
        f"T{seq:05d}", grid, category, rng.choices(["resident", "patrol", "visit", "hotline"], [6, 2, 1, 2])[0],
        priority or rng.choices(["low", "normal", "high", "urgent"], [2, 6, 2, 1])[0], state,
        rng.choice(TITLES[category]), resident_name(), phone(), opened, since, assignee,
    ])


for _ in range(30):  # closed history
    opened = rng.randint(600, 4000)
    ticket(rng.choice(["resolved", "rated", "rated"]), opened, rng.randint(10, opened - 100))
for _ in range(9):
    o = rng.randint(1, 8)
    ticket("ordered", o, o)
for _ in range(12):
    o = rng.randint(20, 200)
    ticket("dispatched", o, rng.randint(1, 15))
for _ in range(16):
    o = rng.randint(60, 900)
    ticket("accepted", o, rng.randint(5, 200))
for _ in range(2):
    o = rng.randint(200, 900)
    ticket("escalated", o, rng.randint(30, 120))
# deliberate trouble: overdue and near-deadline tickets
ticket("accepted", 400, 300, grid="JB03", category="hazard", priority="urgent")     # 60 min overdue
ticket("dispatched", 70, 45, grid="XH06", category="mediation", priority="high")    # 15 min overdue
ticket("accepted", 600, 215, grid="WT02", category="hazard", priority="high")       # 25 min left
ticket("ordered", 25, 25, grid="JQ04", category="care", priority="normal")          # 5 min left

# Must-visits (六必访): each tagged household visited about once in the last 30 days, so this
# month's count keeps pace with the calendar; two grids fall behind on purpose.
visits = []
visit_grid_staff = {}
for st in staff:
    if st[2] in ("all_round", "grid_worker", "professional"):
        visit_grid_staff.setdefault(st[3], []).append(st[0])
building_grid = {b[0]: b[1] for b in buildings}
for h in households:
    if not h[4]:
        continue
    grid = building_grid[h[1]]
    chance = 0.35 if grid in ("XH02", "YT03") else 0.97
    if rng.random() < chance:
        visits.append([f"V{len(visits) + 1:05d}", h[0], rng.choice(visit_grid_staff[grid]), rng.randint(0, 29)])

# Hidden hazards and disputes (隐患矛盾): mostly mild or resolved, one severe and open.
hazards = []
HAZARD_TITLES = {"hazard": ["楼道堆放杂物", "电线私拉乱接", "违规使用液化气", "外墙空鼓"], "dispute": ["相邻权纠纷", "宠物伤人纠纷", "租赁合同纠纷"]}
for n in range(1, 16):
    kind = rng.choice(["hazard", "dispute"])
    hazards.append([f"Z{n:04d}", rng.choice(grid_codes), kind, rng.choice(["low", "low", "medium"]),
                    rng.choice(["open", "resolved"]), rng.choice(HAZARD_TITLES[kind]), rng.randint(1, 60)])
hazards.append(["Z0016", "BG06", "hazard", "severe", "open", "地下车库积水漏电", 1])

# Ratings (评价) and how long each accepted ticket took to be accepted, drawn from their own
# generator so the rest of the street stays as it was.
extra = random.Random(7)
for t in tickets:
    state = t[5]
    rating = extra.choice([5, 5, 5, 4, 4, 3]) if state == "rated" else ""
    to_accept = ""
    if state in ("accepted", "resolved", "rated"):
        to_accept = min(extra.randint(4, 90), max(1, t[9] - t[10]))
    t.extend([rating, to_accept])

# Seven weeks of closed orders before this one (ids TH…, which the store's ticket numbering
# passes over), so the 民情气象站 has a usual level to judge this week by: most categories ran
# at about this week's pace, mediation at a third of it — the demo's rising concern. Resolved
# and unrated, older than the working set, so the wall's figures stay as they were; from
# their own generator so the rest of the street stays as it was.
history = random.Random(11)
WEEKLY = {"mediation": 5, "party_public": 15, "convenience": 14, "care": 12, "hazard": 12}
history_seq = 0
for week in range(1, 8):
    for category, usual in WEEKLY.items():
        for _ in range(max(0, usual + history.randint(-2, 2))):
            history_seq += 1
            grid = history.choice(grid_codes)
            opened = week * 7 * 24 * 60 + history.randint(0, 7 * 24 * 60 - 1)
            name = history.choice(SURNAMES) + "".join(history.choice(GIVEN) for _ in range(history.choice((1, 2))))
            tickets.append([
                f"TH{history_seq:04d}", grid, category, history.choices(["resident", "patrol", "visit", "hotline"], [6, 2, 1, 2])[0],
                history.choices(["low", "normal", "high", "urgent"], [2, 6, 2, 1])[0], "resolved", history.choice(TITLES[category]),
                name, "15500" + "".join(history.choice("0123456789") for _ in range(6)), opened, opened - history.randint(120, 2880),
                history.choice(grid_staff[grid]), "", history.randint(4, 90),
            ])

write("street.csv", ["code", "name", "duty_start", "duty_end"], [["LJ", "临江街道", "08:00", "20:00"]])
write("communities.csv", ["code", "name"], communities)
write("grids.csv", ["code", "community", "name"], grids)
write("microgrids.csv", ["code", "grid", "name", "chief"], micro)
write("buildings.csv", ["code", "grid", "microgrid", "name", "chief"], buildings)
write("households.csv", ["id", "building", "name", "phone", "must_visit"], households)
write("staff.csv", ["id", "name", "role", "grid", "community", "phone", "duty", "team", "shift_start", "shift_end"], staff)
write("categories.csv", ["code", "name_zh", "name_en", "dispatch_minutes", "accept_minutes", "resolve_minutes"], CATEGORIES)
write("tickets.csv", ["id", "grid", "category", "source", "priority", "state", "title", "resident_name",
                      "resident_phone", "opened_minutes_ago", "state_minutes_ago", "assignee", "rating",
                      "minutes_to_accept"], tickets)
write("visits.csv", ["id", "household", "staff", "days_ago"], visits)
write("hazards.csv", ["id", "grid", "kind", "severity", "status", "title", "opened_days_ago"], hazards)

# The Party chain (四级组织链条), from its own generator so the rest of the street stays as it
# was: a committee per community, a branch per grid whose secretary is the grid's all-round
# social worker (one person, both posts: the member row names the staff record), the grid's
# two Party-member central households in its first two buildings, a building Party group in
# the first with a leader and sometimes a member, and three functional organisations whose
# members come from many grids. YT06's branch has lost its secretary: a vacancy the wall shows.
party_rng = random.Random(12)
party_orgs, party_members = [], []
member_seq = 0


def add_member(org, post="member", name="", building="", functional="", staff_id=""):
    global member_seq
    member_seq += 1
    mid = f"PM{member_seq:04d}"
    party_members.append([mid, name, "" if staff_id else phone(), org, post, building, functional, staff_id])
    return mid


FUNCTIONAL = [("LJ-F1", "暖新驿站快递员党支部"), ("LJ-F2", "银发志愿服务队党支部"), ("LJ-F3", "临江书画社党小组")]
for code, name in FUNCTIONAL:
    party_orgs.append([code, "functional", name, "", "", "", ""])
staff_by_grid = {}
for s in staff:
    staff_by_grid.setdefault(s[3], []).append(s)
buildings_by_grid = {}
building_name = {b[0]: b[3] for b in buildings}
for b in buildings:
    buildings_by_grid.setdefault(b[1], []).append(b[0])
for c_code, c_name, grid_count in COMMUNITIES:
    committee = f"{c_code}-DW"
    party_orgs.append([committee, "committee", f"{c_name}社区党委", c_code, "", "", ""])
    add_member(committee, "secretary", person())
    add_member(committee, "deputy", person())
    add_member(committee, "member", person())
    for g in range(1, grid_count + 1):
        g_code = f"{c_code}{g:02d}"
        branch = f"{g_code}-ZB"
        party_orgs.append([branch, "branch", f"{c_name}{NUMERALS[g - 1]}网格党支部", "", g_code, "", committee])
        people = staff_by_grid[g_code]
        all_round = next(s for s in people if s[2] == "all_round")
        add_member(branch, "member" if g_code == "YT06" else "secretary", staff_id=all_round[0])
        centrals = [s for s in people if s[2] == "party_household"]
        for s, b_code in zip(centrals, buildings_by_grid[g_code]):
            add_member(branch, "central_household", building=b_code, staff_id=s[0])
        for b_code in buildings_by_grid[g_code][:1]:
            group = f"{b_code}-XZ"
            party_orgs.append([group, "group", f"{building_name[b_code]}党小组", "", "", b_code, branch])
            add_member(group, "group_leader", person(), b_code,
                       party_rng.choice(FUNCTIONAL)[0] if party_rng.random() < 0.2 else "")
            for _ in range(party_rng.choice((0, 0, 1))):
                add_member(group, "member", person(), b_code, party_rng.choice(FUNCTIONAL)[0] if party_rng.random() < 0.3 else "")

write("party_orgs.csv", ["code", "kind", "name", "community", "grid", "building", "parent"], party_orgs)
write("party_members.csv", ["id", "name", "phone", "org", "post", "building", "functional", "staff"], party_members)

# The Party-and-people service network (三级党群服务体系): the street's centre, a centre in
# each community and a station (网格微家) in each grid, with opening hours and the kinds of
# service each offers (the five of categories.csv), from its own generator.
service_rng = random.Random(13)
ALL_SERVICES = [c[0] for c in CATEGORIES]
service_points = [["LJ-FW", "street", "临江街道党群服务中心", "", "", "周一至周日 08:30-20:30", "|".join(ALL_SERVICES)]]
for c_code, c_name, grid_count in COMMUNITIES:
    service_points.append([f"{c_code}-FW", "community", f"{c_name}社区党群服务中心", c_code, "", "周一至周六 08:30-18:00",
                           "|".join(ALL_SERVICES)])
    for g in range(1, grid_count + 1):
        g_code = f"{c_code}{g:02d}"
        offered = ["party_public", "convenience"] + service_rng.sample(["mediation", "hazard", "care"], service_rng.choice((1, 2, 3)))
        hours = service_rng.choice(["周一至周五 09:00-17:00", "周一至周五 09:00-17:00", "每日 08:00-20:00", "周二、四、六 14:00-18:00"])
        service_points.append([f"{g_code}-WJ", "grid", f"{c_name}{NUMERALS[g - 1]}网格微家", "", g_code, hours,
                               "|".join(c for c in ALL_SERVICES if c in offered)])
write("service_points.csv", ["code", "level", "name", "community", "grid", "hours", "services"], service_points)

# Outside forces for hard cases (多方力量下沉): the departments the street can call in, each
# with the hours it is given to answer; the parties (三官一律, 两代表一委员, partner units, social
# organisations, the departments' duty desks and the mediation centre), a police officer and a
# lawyer for each community; and call-ins on open disputes and hazards in every state, one past
# its deadline, with the past week's answers for each department's pace. Own generator again.
joint_rng = random.Random(14)
DEPARTMENTS = [
    ("public_security", "公安", "Public security", 24), ("justice", "司法", "Justice", 48),
    ("court", "法院", "Court", 72), ("procuratorate", "检察院", "Procuratorate", 72),
    ("health", "卫健", "Health", 24), ("civil_affairs", "民政", "Civil affairs", 48),
    ("mass_orgs", "群团", "Mass organisations", 48), ("deputies", "人大政协", "Deputies & CPPCC", 72),
    ("partners", "共建单位", "Partner units", 48), ("social_orgs", "社会组织", "Social organisations", 48),
    ("mediation", "矛盾纠纷调处中心", "Mediation centre", 24), ("emergency", "应急管理", "Emergency management", 12),
]
responders = [
    ["R001", "街道矛盾纠纷调处中心", "mediation_centre", "mediation", "051100000001", ""],
    ["R002", "区法院临江巡回法庭", "judge", "court", "051100000002", ""],
    ["R003", "区检察院驻街检察室", "prosecutor", "procuratorate", "051100000003", ""],
    ["R004", "街道卫健办", "department", "health", "051100000004", ""],
    ["R005", "街道民政办", "department", "civil_affairs", "051100000005", ""],
    ["R006", "街道应急管理办", "department", "emergency", "051100000006", ""],
    ["R007", "街道妇联", "department", "mass_orgs", "051100000007", ""],
    ["R008", f"{person()}(区人大代表)", "congress_deputy", "deputies", phone(), ""],
    ["R009", f"{person()}(区党代表)", "party_deputy", "deputies", phone(), ""],
    ["R010", f"{person()}(区政协委员)", "cppcc_member", "deputies", phone(), ""],
    ["R011", "国网临江供电所", "partner_unit", "partners", "051100000011", ""],
    ["R012", "阳光社工事务所", "social_organisation", "social_orgs", "051100000012", ""],
]
for c_code, c_name, _ in COMMUNITIES:
    responders.append([f"R{len(responders) + 1:03d}", f"{person()}(社区民警)", "police", "public_security", phone(), c_code])
    responders.append([f"R{len(responders) + 1:03d}", f"{person()}(法律顾问)", "lawyer", "justice", phone(), c_code])
hours_of = {d[0]: d[3] for d in DEPARTMENTS}
community_of_grid = {g[0]: g[1] for g in grids}


def local(kind, grid):
    return next(r for r in responders if r[2] == kind and r[5] == community_of_grid[grid])


call_ins = []
def call_in(t, responder, state, requested, since, note="", hours=None):
    call_ins.append([f"J{len(call_ins) + 1:05d}", t[0], responder[0], state, requested, since,
                     hours or hours_of[responder[3]], note])


open_hard = [t for t in tickets if t[5] in ("dispatched", "accepted", "escalated") and t[2] in ("mediation", "hazard")]
street = {r[2]: r for r in responders if not r[5]}
for n, t in enumerate(open_hard[:8]):
    opened = t[9]
    requested = joint_rng.randint(1, max(1, opened - 1))
    if t[2] == "mediation":
        call_in(t, street["mediation_centre"], "arrived" if n % 2 else "requested", requested, joint_rng.randint(0, requested))
        if n % 3 == 0:
            call_in(t, local("police", t[1]), "requested", requested, requested)
        if n % 3 == 1:
            call_in(t, local("lawyer", t[1]), "declined", requested, joint_rng.randint(0, requested), "当事人已委托律师,不再介入")
    else:
        call_in(t, street["department"] if n % 2 else street["partner_unit"], "requested", requested, requested)
# one past its deadline: the emergency office called in on the oldest open hazard four hours ago, given two
late = max((t for t in tickets if t[5] in ("accepted", "escalated") and t[2] == "hazard" and t[9] >= 300), key=lambda t: t[9])
call_in(late, next(r for r in responders if r[3] == "emergency"), "requested", 240, 240, hours=2)
# the past week's answers on closed tickets: each department's pace
for t in [t for t in tickets if t[5] in ("resolved", "rated") and t[2] in ("mediation", "hazard", "care")][:10]:
    requested = t[9] - joint_rng.randint(10, 60)
    took = joint_rng.randint(min(30, requested - t[10]), min(requested - t[10], 72 * 60))  # answered before the ticket closed
    who = joint_rng.choice([street["mediation_centre"], local("police", t[1]), local("lawyer", t[1]), street["judge"],
                            street["department"]])
    said = {"mediation_centre": "已到场调解,双方达成协议", "police": "已到场处置", "lawyer": "已出具法律意见", "judge": "已出具法律意见"}
    call_in(t, who, "handled", requested, requested - took, said.get(who[2], "已上门核查并处置"))

write("departments.csv", ["code", "name_zh", "name_en", "answer_hours"], DEPARTMENTS)
write("responders.csv", ["id", "name", "kind", "department", "phone", "community"], responders)
write("call_ins.csv", ["id", "ticket", "responder", "state", "requested_minutes_ago", "state_minutes_ago", "hours", "note"], call_ins)

# Care plans (个性化服务方案) by the social work station (慈善社工站), from their own generator:
# for elders living alone (空巢老人), families in difficulty, people with disabilities (the
# special group) and a few left-behind children, each with one or two recurring services and
# a review date. Most are carried by their grid's professional social worker (专业社工接单); a
# few wait for the station to dispatch them or for the worker to accept; one grid's services
# are missed and one plan's review is overdue, on purpose.
care_rng = random.Random(15)
professional_of = {}
for s in staff:
    if s[2] == "professional":
        professional_of.setdefault(s[3], s[0])
community_professional = {}
for g in grids:
    if g[0] in professional_of:
        community_professional.setdefault(g[1], professional_of[g[0]])
SERVICES = {
    "empty_nest_elder": [("上门探视", 1, "week"), ("助餐", 3, "week"), ("健康检查", 1, "month")],
    "family_in_difficulty": [("政策帮办", 1, "month"), ("上门探视", 2, "month")],
    "disability": [("康复陪护", 1, "week"), ("上门探视", 2, "month")],
    "left_behind_child": [("课后托管", 5, "week"), ("心理疏导", 2, "month")],
}
GOALS = {
    "empty_nest_elder": ["独居生活安全,按时就餐", "慢病管理,每月体检", "排解孤独,每周有人上门"],
    "family_in_difficulty": ["申请低保与临时救助", "子女就学资助落实"],
    "disability": ["康复训练不间断", "出行与就医有人陪护"],
    "left_behind_child": ["放学后有人照看", "学习与心理有人关心"],
}
household_grid = {h[0]: building_grid[h[1]] for h in households}
care_plans, care_services = [], []
candidates = []
for h in households:
    tags = h[4].split("|") if h[4] else []
    if "elderly_alone" in tags:
        candidates.append((h, "empty_nest_elder"))
    elif "difficult_family" in tags:
        candidates.append((h, "family_in_difficulty"))
    elif "special_group" in tags:
        candidates.append((h, "disability"))
care_rng.shuffle(candidates)
plain = [h for h in households if not h[4]]
candidates = candidates[:26] + [(h, "left_behind_child") for h in care_rng.sample(plain, 4)]
candidates.sort(key=lambda c: c[0][0])
for n, (h, group) in enumerate(candidates):
    plan_id = f"P{n + 1:05d}"
    grid = household_grid[h[0]]
    worker = professional_of.get(grid) or community_professional.get(community_of_grid[grid], "")
    state = "accepted"
    if n % 9 == 4:
        state, worker = "ordered", ""
    elif n % 9 == 7:
        state = "dispatched"
    ordered_ago = care_rng.randint(20, 200)
    review_in = -3 if n == 5 else care_rng.randint(10, 90)
    person = h[2] if group != "left_behind_child" else h[2][0] + care_rng.choice(["小明", "小雨", "乐乐", "欣欣"])
    care_plans.append([plan_id, h[0], person, group, care_rng.choice(GOALS[group]), state, worker, ordered_ago, review_in])
    offered = SERVICES[group][:care_rng.choice((1, 2))] if group != "empty_nest_elder" else care_rng.sample(SERVICES[group], 2)
    for name, times, per in offered:
        interval = {"day": 1, "week": 7, "month": 30}[per] / times
        # NH03's services are behind on purpose: last given twice their interval ago
        if grid == "NH03" and state == "accepted":
            last = round(interval * 2 + 1.5, 1)
        elif n % 5 == 0:
            last = round(interval + 0.2, 1)  # due now, within its grace
        else:
            last = round(care_rng.uniform(0, interval * 0.9), 1)
        care_services.append([f"V-{len(care_services) + 1:05d}", plan_id, name, times, per, last])
# NH03 has its plan: an elder there, with a weekly visit
nh03 = next(h for h in households if household_grid[h[0]] == "NH03" and h[0] not in {c[0][0] for c in candidates})
care_plans.append([f"P{len(care_plans) + 1:05d}", nh03[0], nh03[2], "empty_nest_elder", "独居生活安全,按时就餐", "accepted",
                   professional_of.get("NH03") or community_professional.get("NH"), 60, 45])
care_services.append([f"V-{len(care_services) + 1:05d}", care_plans[-1][0], "上门探视", 1, "week", 15])

write("care_plans.csv", ["id", "household", "person", "group", "goal", "state", "social_worker", "ordered_days_ago", "review_in_days"], care_plans)
write("care_services.csv", ["id", "plan", "name", "times", "per", "last_done_days_ago"], care_services)

# 四清 (家庭情况清、人员类别清、服务事项清、隐患矛盾清): a record for nearly every household, each
# facet confirmed within the half year; YS03's records are patchy and old, so its completeness
# falls behind on purpose. Own generator.
clears_rng = random.Random(16)
FAMILY = ["三口之家", "老两口", "独居", "四世同堂", "夫妻二人,子女在外地", "单亲家庭"]
CATEGORY = ["户籍人口", "户籍人口", "流动人口", "退役军人", "残疾人", "高龄老人"]
NEEDS = ["无", "无", "助餐", "就业帮扶", "政策咨询", "上门体检"]
HAZARDS = ["无", "无", "无", "电动车楼道充电", "邻里噪音纠纷", "燃气管老化"]
four_clears = []
for h in households:
    grid = household_grid[h[0]]
    behind = grid == "YS03"
    if clears_rng.random() < (0.2 if behind else 0.03):
        continue  # nothing recorded yet
    row = [h[0]]
    for notes in (FAMILY, CATEGORY, NEEDS, HAZARDS):
        if behind and clears_rng.random() < 0.06:
            row += ["", ""]  # this facet not recorded
        else:
            row += [clears_rng.choice(notes), clears_rng.randint(200, 300) if behind and clears_rng.random() < 0.05 else clears_rng.randint(1, 170)]
    four_clears.append(row)
write("four_clears.csv", ["household", "family", "family_days_ago", "category", "category_days_ago", "needs", "needs_days_ago",
                          "hazards", "hazards_days_ago"], four_clears)

# Key places (重点场所), the sixth must-visit, from their own generator: one to three in each
# grid (shops, building sites, school gates, markets, rentals), each visited about once in the
# last month so the month keeps pace; XH02's, like its households, fall behind.
place_rng = random.Random(17)
PLACE_KINDS = [("shop", ["便利店", "餐馆", "五金店", "药店"]), ("construction_site", ["在建住宅工地", "道路施工点"]),
               ("school_gate", ["小学校门口", "幼儿园周边"]), ("market", ["农贸市场"]), ("rental", ["群租房"])]
key_places, place_visits = [], []
for g in grids:
    for n in range(place_rng.choice((1, 1, 2, 3))):
        kind, names = place_rng.choice(PLACE_KINDS)
        code = f"{g[0]}-P{n + 1}"
        key_places.append([code, g[0], g[2] + place_rng.choice(names), kind, resident_name(), phone()])
        if place_rng.random() < (0.3 if g[0] == "XH02" else 0.95):
            place_visits.append([f"PV{len(place_visits) + 1:05d}", code, place_rng.choice(visit_grid_staff[g[0]]), place_rng.randint(0, 29),
                                 place_rng.choice(["消防通道畅通", "已提醒规范经营", "无异常", "灭火器过期,已通知更换"])])
write("key_places.csv", ["code", "grid", "name", "kind", "contact", "phone"], key_places)
write("place_visits.csv", ["id", "place", "staff", "days_ago", "note"], place_visits)

# Operators (操作员): who works the terminals and commands, each with a role and a scope. No
# randomness: the street's duty operators (day and night) and a lobby screen; in each community its dispatcher
# (the staff record of the community's dispatcher) and its social work station; in each grid
# its all-round social worker as the grid's worker.
operators = [["duty", "街道值班员", "street_duty", "street", "", ""], ["lobby", "大厅大屏", "viewer", "street", "", ""]]
for c in communities:
    dispatcher = next(s for s in staff if s[2] == "dispatcher" and s[4] == c[0])
    operators.append([f"{c[0].lower()}-dispatch", dispatcher[1], "community_dispatcher", c[0], dispatcher[0], ""])
    operators.append([f"{c[0].lower()}-social", c[1] + "社工站", "social_work_station", c[0], "", ""])
for g in grids:
    worker = next(s for s in staff if s[2] == "all_round" and s[3] == g[0])
    operators.append([f"{g[0].lower()}-worker", worker[1], "grid_worker", g[0], worker[0], ""])
# the night shift at the street's desk, whom the day's duty operator hands over to (交接班)
operators.append(["duty-night", "夜班值班员", "street_duty", "street", "", ""])
write("operators.csv", ["id", "name", "role", "scope", "staff", "login"], operators)
