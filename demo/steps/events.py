# ruff: noqa: E501 -- demo prose in three languages reads better unbroken than split mid-sentence.
"""The events part of `manage.py seed_demo`: the event index in three languages and six
events under it — workshops, a master class, an information session online, a talk and an
exhibition opening, two of them already past — each translated into Russian and Tajik.

Dates are counted from the day of seeding, so a fresh demo always has events to come and
an archive. Events are found again by slug under the index (translations through their
translation key), so a second run adds only what is missing. A few registrations are
written straight to the table so the editors' registrants list has something to show;
nobody is emailed.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone

from cms.models import EventPage, EventRegistration, EventSpeaker
from demo.content import LANGUAGES, SOURCE_LANGUAGE, DemoPage
from demo.context import SeedContext
from demo.steps.pages import menu_page_create

DUSHANBE = ZoneInfo("Asia/Dushanbe")

EVENT_INDEX = DemoPage(
    key="events",
    model="cms.EventIndexPage",
    slug="events",
    parent="home",
    show_in_menus=True,
    text={
        "en": {
            "title": "Events",
            "intro": "Workshops, master classes, talks and exhibition openings with women artists of Tajikistan. Registration is free.",
            "search_description": "Workshops, master classes, talks and openings with women artists of Tajikistan.",
        },
        "ru": {
            "title": "Мероприятия",
            "intro": "Мастерские, мастер-классы, беседы и открытия выставок с художницами Таджикистана. Регистрация бесплатная.",
            "search_description": "Мастерские, мастер-классы, беседы и открытия выставок с художницами Таджикистана.",
        },
        "tg": {
            "title": "Чорабиниҳо",
            "intro": "Устохонаҳо, дарсҳои амалӣ, суҳбатҳо ва кушодани намоишгоҳҳо бо занони ҳунарманди Тоҷикистон. Бақайдгирӣ ройгон аст.",
            "search_description": "Устохонаҳо, дарсҳои амалӣ, суҳбатҳо ва кушодани намоишгоҳҳо бо занони ҳунарманди Тоҷикистон.",
        },
    },
)


@dataclass(frozen=True)
class DemoEvent:
    """An event `days` after the day of seeding, from `hour` (Dushanbe time) for `hours`.
    `text` holds each language's title, intro, venue, address, city, paragraphs and speaker
    roles; `speakers` the speakers' names (the same in every language)."""

    slug: str
    event_type: str
    days: int
    hour: int
    hours: float
    event_language: str
    capacity: int | None
    is_online: bool
    speakers: tuple[str, ...]
    text: dict[str, dict]
    registrations: int = 0


def _words(title, intro, venue, address, city, paragraphs, roles) -> dict:
    return {
        "title": title,
        "intro": intro,
        "venue": venue,
        "address": address,
        "city": city,
        "paragraphs": paragraphs,
        "roles": roles,
    }


EVENTS = (
    DemoEvent(
        slug="suzani-embroidery-for-beginners",
        event_type=EventPage.Type.WORKSHOP,
        days=9,
        hour=14,
        hours=3,
        event_language="tg",
        capacity=12,
        is_online=False,
        speakers=("Nilufar Rahimova",),
        registrations=4,
        text={
            "en": _words(
                "Suzani embroidery for beginners",
                "Learn the basic stitches of suzani with an embroiderer from Istaravshan. Needles, thread and cloth are provided.",
                "Bactria Cultural Centre",
                "Mirzo Tursunzoda Street 20",
                "Dushanbe",
                (
                    "<p>In three hours you will learn the chain stitch and the <i>basma</i> couching stitch, and begin a small pomegranate motif to finish at home.</p>",
                ),
                ("Embroiderer, Istaravshan",),
            ),
            "ru": _words(
                "Вышивка сюзане для начинающих",
                "Освойте основные швы сюзане с вышивальщицей из Истаравшана. Иглы, нитки и ткань мы дадим.",
                "Культурный центр «Бактрия»",
                "ул. Мирзо Турсунзаде, 20",
                "Душанбе",
                (
                    "<p>За три часа вы освоите тамбурный шов и шов <i>басма</i> и начнёте небольшой узор с гранатом, который закончите дома.</p>",
                ),
                ("Вышивальщица, Истаравшан",),
            ),
            "tg": _words(
                "Гулдӯзии сӯзанӣ барои навомӯзон",
                "Бахяҳои асосии сӯзаниро бо гулдӯзи истаравшанӣ омӯзед. Сӯзан, ришта ва матоъ аз мо.",
                "Маркази фарҳангии «Бохтар»",
                "кӯчаи Мирзо Турсунзода, 20",
                "Душанбе",
                (
                    "<p>Дар се соат шумо бахяи занҷирӣ ва бахяи <i>басма</i>-ро меомӯзед ва нақши хурди анорро оғоз мекунед, ки дар хона ба охир мерасонед.</p>",
                ),
                ("Гулдӯз, Истаравшан",),
            ),
        },
    ),
    DemoEvent(
        slug="selling-your-art-online",
        event_type=EventPage.Type.INFO_SESSION,
        days=4,
        hour=18,
        hours=1.5,
        event_language="tg",
        capacity=None,
        is_online=True,
        speakers=("Malika Saidova",),
        text={
            "en": _words(
                "Selling your art online: how TajikHeritage works",
                "An hour online for artists who want to open a studio on TajikHeritage: profile, photos of works, prices, shipping and payouts.",
                "",
                "",
                "",
                ("<p>Bring your questions. The link to join is emailed to everyone who registers.</p>",),
                ("Artist liaison, TajikHeritage",),
            ),
            "ru": _words(
                "Как продавать искусство онлайн: TajikHeritage изнутри",
                "Час онлайн для художниц, которые хотят открыть студию на TajikHeritage: профиль, фото работ, цены, доставка и выплаты.",
                "",
                "",
                "",
                ("<p>Приходите с вопросами. Ссылку для входа мы отправим всем, кто зарегистрируется.</p>",),
                ("Куратор по работе с художницами, TajikHeritage",),
            ),
            "tg": _words(
                "Фурӯши асарҳо дар интернет: TajikHeritage чӣ гуна кор мекунад",
                "Як соати онлайн барои рассомоне, ки мехоҳанд дар TajikHeritage устохона кушоянд: саҳифа, аксҳои асарҳо, нархҳо, фиристодан ва пардохтҳо.",
                "",
                "",
                "",
                (
                    "<p>Бо саволҳоятон биёед. Истинод барои ворид шудан ба ҳамаи бақайдгирифташудагон фиристода мешавад.</p>",
                ),
                ("Ҳамоҳангсози кор бо рассомон, TajikHeritage",),
            ),
        },
    ),
    DemoEvent(
        slug="istaravshan-pottery-master-class",
        event_type=EventPage.Type.MASTER_CLASS,
        days=23,
        hour=10,
        hours=4,
        event_language="ru",
        capacity=8,
        is_online=False,
        speakers=("Gulchehra Nazarova",),
        text={
            "en": _words(
                "Master class: glazes of Istaravshan pottery",
                "A potter shows how the turquoise and ochre glazes of Istaravshan are mixed and fired. For those who have worked with clay before.",
                "Potters' quarter workshop",
                "Istiqlol Street 5",
                "Khujand",
                (
                    "<p>Eight places only, so that everyone has room at the wheel. Wear clothes that can get dirty.</p>",
                ),
                ("Potter",),
            ),
            "ru": _words(
                "Мастер-класс: глазури истаравшанской керамики",
                "Гончар показывает, как готовят и обжигают бирюзовые и охристые глазури Истаравшана. Для тех, кто уже работал с глиной.",
                "Мастерская в квартале гончаров",
                "ул. Истиклол, 5",
                "Худжанд",
                (
                    "<p>Всего восемь мест, чтобы всем хватило места у круга. Наденьте одежду, которую не жалко испачкать.</p>",
                ),
                ("Гончар",),
            ),
            "tg": _words(
                "Дарси амалӣ: сирҳои кулолии Истаравшан",
                "Кулол нишон медиҳад, ки сирҳои фирӯзаранг ва зардчаи Истаравшан чӣ гуна тайёр ва пухта мешаванд. Барои онҳое, ки бо гил кор кардаанд.",
                "Устохона дар гузари кулолон",
                "кӯчаи Истиқлол, 5",
                "Хуҷанд",
                (
                    "<p>Ҳамагӣ ҳашт ҷой, то ҳама дар назди чарх ҷой дошта бошанд. Либосе пӯшед, ки чиркин шуданаш зарар надорад.</p>",
                ),
                ("Кулол",),
            ),
        },
    ),
    DemoEvent(
        slug="women-in-tajik-art",
        event_type=EventPage.Type.TALK,
        days=38,
        hour=17,
        hours=2,
        event_language="ru",
        capacity=60,
        is_online=False,
        speakers=("Dilorom Karimova", "Sitora Yusufi"),
        text={
            "en": _words(
                "Women in Tajik art, past and present",
                "An art historian and a young painter talk about the women who shaped Tajik art and those making it today.",
                "National Library, small hall",
                "Tehron Street 1",
                "Dushanbe",
                ("<p>The talk is in Russian with questions welcome in Tajik and English.</p>",),
                ("Art historian", "Painter"),
            ),
            "ru": _words(
                "Женщины в таджикском искусстве: вчера и сегодня",
                "Искусствовед и молодая художница говорят о женщинах, которые сформировали таджикское искусство, и о тех, кто создаёт его сегодня.",
                "Национальная библиотека, малый зал",
                "ул. Техрон, 1",
                "Душанбе",
                ("<p>Беседа на русском языке; вопросы можно задавать и на таджикском, и на английском.</p>",),
                ("Искусствовед", "Художница"),
            ),
            "tg": _words(
                "Занон дар санъати тоҷик: дирӯз ва имрӯз",
                "Санъатшинос ва рассоми ҷавон дар бораи заноне, ки санъати тоҷикро шакл додаанд ва онҳое, ки имрӯз меофаранд, суҳбат мекунанд.",
                "Китобхонаи миллӣ, толори хурд",
                "кӯчаи Теҳрон, 1",
                "Душанбе",
                (
                    "<p>Суҳбат бо забони русӣ; саволҳоро бо забонҳои тоҷикӣ ва англисӣ низ додан мумкин аст.</p>",
                ),
                ("Санъатшинос", "Рассом"),
            ),
        },
    ),
    DemoEvent(
        slug="threads-of-the-valley-opening",
        event_type=EventPage.Type.OPENING,
        days=-21,
        hour=17,
        hours=2,
        event_language="tg",
        capacity=None,
        is_online=False,
        speakers=("Farangis Odinaeva",),
        registrations=3,
        text={
            "en": _words(
                "Opening: Threads of the Valley",
                "The opening evening of our exhibition of embroidery and weaving from the Zarafshan valley, with the artists present.",
                "Gallery of the Union of Artists",
                "Rudaki Avenue 89",
                "Dushanbe",
                ("<p>Music, tea and a walk through the rooms with the curator.</p>",),
                ("Curator",),
            ),
            "ru": _words(
                "Открытие выставки «Нити долины»",
                "Вечер открытия нашей выставки вышивки и ткачества Зеравшанской долины, в присутствии художниц.",
                "Галерея Союза художников",
                "пр. Рудаки, 89",
                "Душанбе",
                ("<p>Музыка, чай и прогулка по залам с куратором.</p>",),
                ("Куратор",),
            ),
            "tg": _words(
                "Кушодани намоишгоҳи «Риштаҳои водӣ»",
                "Шоми кушодани намоишгоҳи мо аз гулдӯзӣ ва бофандагии водии Зарафшон бо иштироки рассомон.",
                "Толори Иттифоқи рассомон",
                "хиёбони Рӯдакӣ, 89",
                "Душанбе",
                ("<p>Мусиқӣ, чой ва сайр дар толорҳо бо куратор.</p>",),
                ("Куратор",),
            ),
        },
    ),
    DemoEvent(
        slug="digital-design-careers-for-girls",
        event_type=EventPage.Type.WORKSHOP,
        days=-60,
        hour=11,
        hours=3,
        event_language="tg",
        capacity=20,
        is_online=False,
        speakers=("Zarina Sharipova",),
        text={
            "en": _words(
                "Careers in art and tech: a design workshop for girls",
                "Girls aged 14 to 18 tried digital illustration and heard how women in Khorog work as designers.",
                "Khorog City Library",
                "Lenin Street 40",
                "Khorog",
                (
                    "<p>Tablets were lent by a partner school; every participant took home a printed illustration of her own.</p>",
                ),
                ("Graphic designer",),
            ),
            "ru": _words(
                "Профессии в искусстве и технологиях: дизайн-мастерская для девушек",
                "Девушки от 14 до 18 лет попробовали цифровую иллюстрацию и узнали, как женщины в Хороге работают дизайнерами.",
                "Городская библиотека Хорога",
                "ул. Ленина, 40",
                "Хорог",
                (
                    "<p>Планшеты предоставила школа-партнёр; каждая участница унесла домой распечатку своей иллюстрации.</p>",
                ),
                ("Графический дизайнер",),
            ),
            "tg": _words(
                "Касбҳо дар санъат ва технология: устохонаи дизайн барои духтарон",
                "Духтарони 14-18-сола тасвиргарии рақамиро санҷиданд ва шуниданд, ки занон дар Хоруғ чӣ гуна ҳамчун дизайнер кор мекунанд.",
                "Китобхонаи шаҳрии Хоруғ",
                "кӯчаи Ленин, 40",
                "Хоруғ",
                ("<p>Планшетҳоро мактаби шарик дод; ҳар иштирокчӣ тасвири чопшудаи худро ба хона бурд.</p>",),
                ("Дизайнери графикӣ",),
            ),
        },
    ),
)

DEMO_ONLINE_URL = "https://meet.example.org/tajikheritage-info-session"
DEMO_REGISTRANTS = ("Madina", "Shahnoza", "Parvina", "Mehrona", "Tahmina")


def events_create(ctx: SeedContext) -> None:
    """The event index under each language's home, in its menu, and the six demo events in
    English with their Russian and Tajik translations, all published."""
    menu_page_create(ctx, EVENT_INDEX)
    for spec in EVENTS:
        english = _event_source(ctx, spec)
        for language in LANGUAGES:
            if language != SOURCE_LANGUAGE:
                _event_translate(ctx, spec, english, language)
        _registrations_create(english, spec)


def _event_source(ctx: SeedContext, spec: DemoEvent) -> EventPage:
    index = ctx.page(EVENT_INDEX.key, SOURCE_LANGUAGE)
    page = EventPage.objects.child_of(index).filter(slug=spec.slug).first()
    if page is not None:
        return page
    day = timezone.localdate() + datetime.timedelta(days=spec.days)
    start = datetime.datetime.combine(day, datetime.time(spec.hour), tzinfo=DUSHANBE)
    page = EventPage(
        slug=spec.slug,
        locale=ctx.locales[SOURCE_LANGUAGE],
        live=False,
        event_type=spec.event_type,
        start=start,
        end=start + datetime.timedelta(hours=spec.hours),
        is_online=spec.is_online,
        online_url=DEMO_ONLINE_URL if spec.is_online else "",
        event_language=spec.event_language,
        capacity=spec.capacity,
    )
    _words_apply(page, spec, SOURCE_LANGUAGE)
    index.add_child(instance=page)
    return _publish(ctx, page, SOURCE_LANGUAGE)


def _event_translate(ctx: SeedContext, spec: DemoEvent, english: EventPage, language: str) -> None:
    locale = ctx.locales[language]
    if english.get_translation_or_none(locale) is not None:
        return
    page = english.copy_for_translation(locale).specific
    _words_apply(page, spec, language)
    _publish(ctx, page, language)


def _words_apply(page: EventPage, spec: DemoEvent, language: str) -> None:
    words = spec.text[language]
    page.title = page.draft_title = words["title"]
    page.intro = words["intro"]
    page.search_description = words["intro"][:255]
    page.venue, page.address, page.city = words["venue"], words["address"], words["city"]
    page.body = [{"type": "paragraph", "value": html} for html in words["paragraphs"]]
    page.speakers = [
        EventSpeaker(name=name, role=role, sort_order=order)
        for order, (name, role) in enumerate(zip(spec.speakers, words["roles"], strict=True))
    ]


def _publish(ctx: SeedContext, page: EventPage, language: str) -> EventPage:
    page.save_revision().publish()
    page.refresh_from_db()
    ctx.made["pages"] += 1
    ctx.report(f"Published “{page.title}” ({language}) at {page.url_path}.")
    return page


def _registrations_create(event: EventPage, spec: DemoEvent) -> None:
    """A few people already registered (written directly: nobody is emailed)."""
    if not spec.registrations or event.registrations.exists():
        return
    languages = ("tg", "ru", "en")
    EventRegistration.objects.bulk_create(
        EventRegistration(
            event=event,
            name=f"{name} (demo)",
            email=f"{name.lower()}.{spec.slug}@visitors.example.org",
            status=EventRegistration.Status.CONFIRMED,
            language=languages[n % len(languages)],
        )
        for n, name in enumerate(DEMO_REGISTRANTS[: spec.registrations])
    )
