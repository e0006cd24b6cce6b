# ruff: noqa: E501 -- demo prose in three languages reads better unbroken than split mid-sentence.
"""The editorial part of `manage.py seed_demo`: the story index in three languages, two
campaigns with four stories (each translated into Russian and Tajik, each showing a
published demo work), the Moderation workflow, and the footer's words and links.

Pages are found again by slug under the index (translations through their translation
key), so a second run adds only what is missing and leaves an editor's changes alone.
Nothing is emailed: every consent stands, so no editor is told anything.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from cms.models import CampaignPage, NavigationSettings, StoryConsent, StoryPage
from cms.services_moderation import moderation_workflow_ensure
from demo.content import LANGUAGES, SOURCE_LANGUAGE, DemoPage
from demo.context import SeedContext
from demo.steps.pages import menu_page_create
from gallery.models import Artwork

STORY_INDEX = DemoPage(
    key="stories",
    model="cms.StoryIndexPage",
    slug="stories",
    parent="home",
    show_in_menus=True,
    text={
        "en": {
            "title": "Stories",
            "intro": "Women of Tajikistan tell their own stories: of work and art, of leaving and of starting again.",
            "search_description": "Stories and campaigns of women artists of Tajikistan.",
        },
        "ru": {
            "title": "Истории",
            "intro": "Женщины Таджикистана рассказывают свои истории: о работе и искусстве, об уходе и новом начале.",
            "search_description": "Истории и кампании художниц Таджикистана.",
        },
        "tg": {
            "title": "Ҳикояҳо",
            "intro": "Занони Тоҷикистон ҳикояҳои худро нақл мекунанд: дар бораи кор ва санъат, рафтан ва аз нав оғоз кардан.",
            "search_description": "Ҳикояҳо ва маъракаҳои занони ҳунарманди Тоҷикистон.",
        },
    },
)


@dataclass(frozen=True)
class DemoCampaign:
    slug: str
    cause: str
    text: dict[str, dict[str, str]]


@dataclass(frozen=True)
class DemoStory:
    """A story told with `person`'s consent; `text` holds each language's title, intro and
    paragraphs; `warning` (optional) each language's content warning."""

    slug: str
    campaign: str
    days_ago: int
    person: str
    tags: tuple[str, ...]
    text: dict[str, dict]
    warning: dict[str, str] | None = None


CAMPAIGNS = (
    DemoCampaign(
        slug="her-own-money",
        cause="careers",
        text={
            "en": {
                "title": "Her own money",
                "intro": "Women who earn a living from art, design and code — and how they got there.",
            },
            "ru": {
                "title": "Свои деньги",
                "intro": "Женщины, которые зарабатывают искусством, дизайном и кодом, — и как они к этому пришли.",
            },
            "tg": {
                "title": "Пули худ",
                "intro": "Заноне, ки аз санъат, дизайн ва барномасозӣ даромад ба даст меоранд — ва чӣ гуна ба ин расиданд.",
            },
        },
    ),
    DemoCampaign(
        slug="not-before-eighteen",
        cause="early_marriage",
        text={
            "en": {
                "title": "Not before eighteen",
                "intro": "Girls married too young, and the women they became.",
            },
            "ru": {
                "title": "Не раньше восемнадцати",
                "intro": "Девочки, выданные замуж слишком рано, и женщины, которыми они стали.",
            },
            "tg": {
                "title": "На пеш аз ҳаждаҳ",
                "intro": "Духтароне, ки хеле барвақт ба шавҳар дода шуданд, ва заноне, ки онҳо шуданд.",
            },
        },
    ),
)

STORIES = (
    DemoStory(
        slug="the-embroiderer-of-istaravshan",
        campaign="her-own-money",
        days_ago=3,
        person="Mehrangez",
        tags=("embroidery", "Sughd"),
        text={
            "en": {
                "title": "The embroiderer of Istaravshan",
                "intro": "Mehrangez learnt suzani from her grandmother. Now her work pays for her daughters' school.",
                "paragraphs": (
                    "Every morning Mehrangez sits by the window with her hoop and silk thread.",
                    "Her first sale online paid for a month of groceries. Her tenth paid for a sewing machine.",
                ),
            },
            "ru": {
                "title": "Вышивальщица из Истаравшана",
                "intro": "Мехрангез научилась вышивать сюзане у бабушки. Теперь её работа оплачивает учёбу дочерей.",
                "paragraphs": (
                    "Каждое утро Мехрангез садится у окна с пяльцами и шёлковой нитью.",
                    "Первая продажа онлайн оплатила месяц продуктов, десятая — швейную машину.",
                ),
            },
            "tg": {
                "title": "Гулдӯзи Истаравшан",
                "intro": "Меҳрангез сӯзаниро аз бибиаш омӯхт. Акнун кори ӯ хондани духтаронашро таъмин мекунад.",
                "paragraphs": (
                    "Ҳар саҳар Меҳрангез бо чанбарак ва риштаи абрешимӣ назди тиреза менишинад.",
                    "Аввалин фурӯши онлайн хӯроки як моҳро таъмин кард, даҳумаш — мошини дӯзандагӣ.",
                ),
            },
        },
    ),
    DemoStory(
        slug="code-and-carpets",
        campaign="her-own-money",
        days_ago=10,
        person="Zarina",
        tags=("technology", "Dushanbe"),
        text={
            "en": {
                "title": "Code and carpets",
                "intro": "Zarina designs carpet patterns on a laptop and weaves them by hand.",
                "paragraphs": (
                    "She taught herself to program from videos watched on her phone.",
                    "Today she teaches twelve girls from her district every Saturday.",
                ),
            },
            "ru": {
                "title": "Код и ковры",
                "intro": "Зарина рисует узоры ковров на ноутбуке и ткёт их вручную.",
                "paragraphs": (
                    "Программировать она научилась сама — по видео на телефоне.",
                    "Сегодня по субботам она учит двенадцать девочек из своего района.",
                ),
            },
            "tg": {
                "title": "Код ва қолинҳо",
                "intro": "Зарина нақшҳои қолинро дар ноутбук мекашад ва онҳоро бо даст мебофад.",
                "paragraphs": (
                    "Барномасозиро худаш аз видеоҳо дар телефон омӯхт.",
                    "Имрӯз ҳар шанбе ба дувоздаҳ духтари ноҳияаш дарс медиҳад.",
                ),
            },
        },
    ),
    DemoStory(
        slug="married-at-fifteen",
        campaign="not-before-eighteen",
        days_ago=6,
        person="Shahnoza",
        tags=("early marriage", "Khatlon"),
        warning={
            "en": "This story describes early marriage and violence at home. If you need help, call the hotline 1313.",
            "ru": "В этой истории говорится о раннем браке и насилии в семье. Если вам нужна помощь, звоните на горячую линию 1313.",
            "tg": "Дар ин ҳикоя аз издивоҷи барвақт ва зӯроварӣ дар оила сухан меравад. Агар ба шумо кӯмак лозим бошад, ба хати боварии 1313 занг занед.",
        },
        text={
            "en": {
                "title": "Married at fifteen",
                "intro": "Shahnoza left school for a wedding she did not choose. At thirty she went back to painting.",
                "paragraphs": (
                    "She paints the river of her village, the way she remembers it before the wedding.",
                    "Her daughter will finish school first, she says. Then she will decide for herself.",
                ),
            },
            "ru": {
                "title": "Замужем в пятнадцать",
                "intro": "Шахноза ушла из школы ради свадьбы, которую не выбирала. В тридцать она вернулась к живописи.",
                "paragraphs": (
                    "Она пишет реку своего кишлака такой, какой помнит её до свадьбы.",
                    "Её дочь сначала окончит школу, говорит она. А потом решит сама.",
                ),
            },
            "tg": {
                "title": "Дар понздаҳсолагӣ шавҳардор",
                "intro": "Шаҳноза барои тӯе, ки худаш интихоб накарда буд, мактабро тарк кард. Дар сисолагӣ ба наққошӣ баргашт.",
                "paragraphs": (
                    "Ӯ дарёи деҳаашро ҳамон тавре мекашад, ки то тӯй дар ёд дорад.",
                    "Духтараш аввал мактабро тамом мекунад, мегӯяд ӯ. Баъд худаш қарор медиҳад.",
                ),
            },
        },
    ),
    DemoStory(
        slug="the-teacher-who-said-no",
        campaign="not-before-eighteen",
        days_ago=14,
        person="Nigina",
        tags=("education", "GBAO"),
        text={
            "en": {
                "title": "The teacher who said no",
                "intro": "In a village in the Pamirs, a teacher talked three families out of marrying their daughters.",
                "paragraphs": (
                    "Nigina draws her pupils' portraits and gives them to their parents.",
                    "“A portrait of a girl with a school bag,” she says, “is harder to give away.”",
                ),
            },
            "ru": {
                "title": "Учительница, которая сказала «нет»",
                "intro": "В памирском кишлаке учительница отговорила три семьи выдавать дочерей замуж.",
                "paragraphs": (
                    "Нигина рисует портреты учениц и дарит их родителям.",
                    "«Портрет девочки со школьным портфелем, — говорит она, — отдать труднее».",
                ),
            },
            "tg": {
                "title": "Муаллимае, ки «не» гуфт",
                "intro": "Дар як деҳаи Помир муаллима се оиларо аз ба шавҳар додани духтаронашон боздошт.",
                "paragraphs": (
                    "Нигина портрети шогирдонашро мекашад ва ба падару модарашон тӯҳфа мекунад.",
                    "«Портрети духтаре бо ҷузвдони мактабӣ, — мегӯяд ӯ, — додан душвортар аст».",
                ),
            },
        },
    ),
)

FOOTER_TEXT = {
    "en": "TajikHeritage — art by women artists of Tajikistan, published with them, sold for them.",
    "ru": "TajikHeritage — искусство художниц Таджикистана: публикуем вместе с ними, продаём для них.",
    "tg": "TajikHeritage — санъати занони ҳунарманди Тоҷикистон: бо онҳо нашр мекунем, барои онҳо мефурӯшем.",
}


def stories_create(ctx: SeedContext) -> None:
    """The story index under each home page, the two campaigns and four stories in every
    language, all published, and the Moderation workflow over the stories (and events)."""
    menu_page_create(ctx, STORY_INDEX)
    campaigns = {spec.slug: _campaign_source(ctx, spec) for spec in CAMPAIGNS}
    for spec in CAMPAIGNS:
        for language in LANGUAGES:
            if language != SOURCE_LANGUAGE:
                _campaign_translate(ctx, spec, campaigns[spec.slug], language)
    works = _works_pick(len(STORIES))
    for n, spec in enumerate(STORIES):
        english = _story_source(ctx, spec, campaigns[spec.campaign], works[n] if n < len(works) else None)
        for language in LANGUAGES:
            if language != SOURCE_LANGUAGE:
                _story_translate(ctx, spec, english, language)
    moderation_workflow_ensure()
    ctx.report("The Moderation workflow covers the story and event indexes.")


def navigation_create(ctx: SeedContext) -> None:
    """The footer's text in three languages and its links (about us, contact), set only
    where an editor has not written anything yet."""
    settings = NavigationSettings.load()
    changed = False
    for language, text in FOOTER_TEXT.items():
        if not getattr(settings, f"footer_text_{language}"):
            setattr(settings, f"footer_text_{language}", text)
            changed = True
    if not settings.footer_links:
        links = []
        for key in ("about", "contact"):
            page = ctx.pages.get((key, SOURCE_LANGUAGE))
            if page is not None:
                links.append(
                    ("link", {"page": page, "url": "", "label_en": "", "label_ru": "", "label_tg": ""})
                )
        settings.footer_links = links
        changed = True
    if changed:
        settings.save()
        ctx.report("Wrote the footer's text and links.")


def _index(ctx, language):
    return ctx.page(STORY_INDEX.key, language)


def _publish(ctx: SeedContext, page, language: str):
    page.save_revision().publish()
    page.refresh_from_db()
    ctx.made["pages"] += 1
    ctx.pages[(page.slug, language)] = page
    ctx.report(f"Published “{page.title}” ({language}) at {page.url_path}.")
    return page


def _campaign_source(ctx: SeedContext, spec: DemoCampaign) -> CampaignPage:
    index = _index(ctx, SOURCE_LANGUAGE)
    page = CampaignPage.objects.child_of(index).filter(slug=spec.slug).first()
    if page is not None:
        return page
    page = CampaignPage(slug=spec.slug, cause=spec.cause, locale=ctx.locales[SOURCE_LANGUAGE], live=False)
    _words(page, spec.text[SOURCE_LANGUAGE])
    index.add_child(instance=page)
    return _publish(ctx, page, SOURCE_LANGUAGE)


def _campaign_translate(ctx: SeedContext, spec: DemoCampaign, english: CampaignPage, language: str):
    locale = ctx.locales[language]
    if english.get_translation_or_none(locale) is not None:
        return
    page = english.copy_for_translation(locale).specific
    _words(page, spec.text[language])
    _publish(ctx, page, language)


def _words(page, words: dict) -> None:
    page.title = page.draft_title = words["title"]
    page.intro = words["intro"]


def _story_source(
    ctx: SeedContext, spec: DemoStory, campaign: CampaignPage, artwork_pk: int | None
) -> StoryPage:
    index = _index(ctx, SOURCE_LANGUAGE)
    page = StoryPage.objects.child_of(index).filter(slug=spec.slug).first()
    if page is not None:
        return page
    page = StoryPage(
        slug=spec.slug,
        locale=ctx.locales[SOURCE_LANGUAGE],
        live=False,
        campaign=campaign,
        date=timezone.localdate() - datetime.timedelta(days=spec.days_ago),
    )
    _story_words(page, spec, SOURCE_LANGUAGE, artwork_pk)
    page.consents = [
        StoryConsent(
            person_name=spec.person,
            given_at=timezone.localdate() - datetime.timedelta(days=spec.days_ago + 7),
            method=StoryConsent.Method.IN_PERSON,
            note="Demo: she agreed to her first name and her work being shown.",
        )
    ]
    index.add_child(instance=page)
    page.tags.add(*spec.tags)
    return _publish(ctx, page, SOURCE_LANGUAGE)


def _story_translate(ctx: SeedContext, spec: DemoStory, english: StoryPage, language: str) -> None:
    locale = ctx.locales[language]
    if english.get_translation_or_none(locale) is not None:
        return
    page = english.copy_for_translation(locale).specific
    artwork = next((b.value["artwork"] for b in english.body if b.block_type == "artwork"), None)
    _story_words(page, spec, language, artwork.pk if artwork else None)
    if english.campaign is not None:
        page.campaign = english.campaign.get_translation_or_none(locale) or english.campaign
    _publish(ctx, page, language)


def _story_words(page: StoryPage, spec: DemoStory, language: str, artwork_pk: int | None) -> None:
    words = spec.text[language]
    page.title = page.draft_title = words["title"]
    page.intro = words["intro"]
    body = []
    if spec.warning:
        body.append({"type": "content_warning", "value": {"text": spec.warning[language], "help_page": None}})
    first, *rest = words["paragraphs"]
    body.append({"type": "paragraph", "value": f"<p>{first}</p>"})
    if artwork_pk is not None:
        body.append({"type": "artwork", "value": {"artwork": artwork_pk, "note": ""}})
    body.extend({"type": "paragraph", "value": f"<p>{text}</p>"} for text in rest)
    page.body = body


def _works_pick(count: int) -> list[int]:
    """Published demo works for the stories' artwork blocks, featured first, one artist each."""
    picked, artists = [], set()
    for pk, artist in (
        Artwork.objects.published().order_by("-featured", "published_at", "pk").values_list("pk", "artist_id")
    ):
        if artist not in artists:
            picked.append(pk)
            artists.add(artist)
        if len(picked) == count:
            break
    return picked
