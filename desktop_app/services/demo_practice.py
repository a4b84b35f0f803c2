"""What the demo clinic sells and says: the vocabulary of the demo clinical record.

Per catalogue item (by its seeded name), how it is sold and done, and the phrases
consultants, doctors and nurses write; ``demo_clinical`` draws from these.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.models import NoDealReason, Role, Trigger

# Who does the clinical work, when the database has nobody in a role yet. "!" matches no
# argon2 hash, so these accounts cannot sign in.
DEMO_STAFF = {
    Role.CONSULTANT: ("周雨晴", "林思琪", "孙佳怡", "何梦洁"),
    Role.DOCTOR: ("张明远", "刘建华", "陈静"),
    Role.NURSE: ("黄丽", "吴婷婷", "郑小燕", "赵敏", "徐欣"),
}
UNUSABLE_PASSWORD_HASH = "!"

QUANTITIES = {"ml": ("1.0", "1.5", "2.0", "2.5"), "U": ("20", "30", "50", "64", "100")}


@dataclass(frozen=True)
class Practice:
    """How the clinic sells and does an item, for the texts and choices drawn."""

    weight: int  # how often patients ask for it
    areas: tuple[str, ...]  # codes from consultations.AREAS
    wishes: tuple[str, ...]
    diagnoses: tuple[str, ...]  # from the seeded pick list (revision 0005)
    settings: tuple[str, ...] = ("",)
    packages: tuple[int, ...] = ()  # sessions it is sold in as a course
    by_doctor: bool = False  # injections and surgery: a doctor operates, a nurse assists
    device: str = ""
    anaesthesia: str = ""
    same_day: float = 0.85  # bought and done at the same visit (surgery is often booked)


PRACTICE = {
    "水光针": Practice(
        25,
        ("forehead", "cheeks", "neck"),
        ("皮肤干、没有光泽", "想改善毛孔和肤色"),
        ("毛孔粗大", "敏感性皮肤", "皮肤松弛"),
        ("针深 0.8 mm，每点 0.02 ml", "针深 1.0 mm，每点 0.03 ml"),
        (3, 5),
        True,
        "水光注射仪",
        "表面麻醉膏",
    ),
    "热玛吉": Practice(
        6,
        ("eyes", "cheeks", "jawline", "neck"),
        ("脸部松弛下垂", "想要轮廓更紧致"),
        ("皮肤松弛",),
        ("900 发，3.0 档", "600 发，2.5 档", "1200 发，3.5 档"),
        device="Thermage FLX",
        anaesthesia="表面麻醉膏",
    ),
    "超声刀": Practice(
        5,
        ("cheeks", "jawline", "neck"),
        ("下颌线不清晰", "双下巴、脸部松弛"),
        ("皮肤松弛",),
        ("600 线，4.5 mm + 3.0 mm 探头", "400 线，3.0 mm 探头"),
        device="Ultherapy",
        anaesthesia="表面麻醉膏",
    ),
    "玻尿酸填充": Practice(
        12,
        ("temples", "nose", "cheeks", "lips", "chin"),
        ("太阳穴凹陷", "想让下巴更立体", "法令纹明显"),
        ("软组织容量缺失", "静态性皱纹"),
        ("线性注射", "扇形注射", "点状注射"),
        by_doctor=True,
        anaesthesia="表面麻醉膏",
    ),
    "肉毒素": Practice(
        15,
        ("forehead", "glabella", "eyes", "jawline"),
        ("抬头纹、川字纹明显", "想瘦脸（咬肌）", "鱼尾纹"),
        ("动态性皱纹",),
        ("多点注射",),
        by_doctor=True,
    ),
    "光子嫩肤": Practice(
        15,
        ("forehead", "nose", "cheeks", "chin"),
        ("脸上有斑、肤色不均", "泛红、痘印"),
        ("色素沉着", "痤疮及痤疮瘢痕", "敏感性皮肤"),
        ("560 nm，15 J/cm²", "590 nm，16 J/cm²", "640 nm，14 J/cm²"),
        (3, 5, 10),
        device="M22 IPL",
    ),
    "皮秒": Practice(
        10,
        ("forehead", "cheeks"),
        ("雀斑、晒斑", "痘印、肤色暗沉"),
        ("色素沉着",),
        ("光斑 6 mm，0.71 J/cm²", "光斑 8 mm，0.40 J/cm²"),
        (3, 5),
        device="PicoSure 755 nm",
        anaesthesia="表面麻醉膏",
    ),
    "线雕": Practice(
        4,
        ("cheeks", "jawline"),
        ("脸部下垂、想提升",),
        ("皮肤松弛",),
        ("PPDO 线 10 根", "锯齿线 6 根"),
        by_doctor=True,
        anaesthesia="局部麻醉",
        same_day=0.5,
    ),
    "双眼皮": Practice(
        4,
        ("eyes",),
        ("单眼皮，想做双眼皮", "眼皮松弛"),
        ("上睑皮肤松弛",),
        ("全切", "埋线"),
        by_doctor=True,
        anaesthesia="局部麻醉",
        same_day=0.5,
    ),
    "隆鼻": Practice(
        4,
        ("nose",),
        ("鼻梁低", "鼻头大、想要更精致"),
        ("鼻部形态不满意",),
        ("膨体假体", "硅胶假体＋耳软骨"),
        by_doctor=True,
        anaesthesia="局部麻醉",
        same_day=0.5,
    ),
}
OTHER_PRACTICE = Practice(3, ("cheeks",), ("想改善面部状态",), ())  # items a clinic added

CONCERNS = ("怕疼", "担心恢复期影响上班", "担心效果不自然", "担心安全性", "", "")
NO_DEAL_REASONS = {
    NoDealReason.PRICE: 35,
    NoDealReason.FEAR: 20,
    NoDealReason.COMPARE: 20,
    NoDealReason.FAMILY: 12,
    NoDealReason.NOT_SUITABLE: 5,
    NoDealReason.OTHER: 8,
}
SKIN_TYPES = {"I": 2, "II": 20, "III": 40, "IV": 30, "V": 7, "VI": 1}
SKIN_CONDITIONS = ("中性，轻度干燥", "混合性，T 区偏油", "干性，屏障轻度受损", "油性，毛孔粗大")
FINDINGS = ("轻度松弛", "细纹", "色斑散在", "容量不足", "未见异常")
REACTIONS = ("无明显不适",) * 16 + ("轻度红肿",) * 3 + ("轻度红斑",)
ADDENDA = (
    "术后电话回访：恢复良好，无不适。",
    "复诊：轻度肿胀已消退，效果满意。",
    "患者反馈局部淤青，已嘱冷敷，一周后复查。",
    "补充：再次确认无药物过敏史。",
)
# Follow-up calls (回访) and reminders written by hand (demo_reminders).
RECOVERY_NOTES = (
    "恢复良好，无不适。",
    "轻微肿胀，已逐渐消退。",
    "注射点少许淤青，已嘱冷敷。",
    "对效果满意，会推荐朋友。",
    "偶有紧绷感，已告知正常。",
    "",
)
MILD_NOTES = ("局部轻度红肿，已嘱冷敷观察。", "少许淤青未退，已告知护理方法。")
REVIEW_NOTES = ("局部持续红肿发热，请医生尽快复查。", "出现硬结及疼痛加重，需面诊。")
CALL_NOTES = {  # what a call other than after a treatment notes
    Trigger.NO_DEAL: ("还在比较价格。", "需要和家人商量。", "有意向，约下周再来。", ""),
    Trigger.BIRTHDAY: ("已发送生日祝福。", "已电话祝福，顾客很开心。"),
    Trigger.COURSE_DUE: ("已约下次疗程。", "近期出差，下月再约。", ""),
}
NEXT_STEPS = ("预约复诊", "预约下次疗程", "发送护理须知", "")
MANUAL_REASONS = (
    "约复诊面诊",
    "活动开始时通知顾客",
    "提醒带身份证办理会员卡",
    "确认手术日期",
    "回访效果并约拍复查照片",
    "新品到货后通知",
)
