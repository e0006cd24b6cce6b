"""The demo's exhibitions: the exhibition index in three languages and three exhibitions —
one open now, one opening soon, one closed — each walked through room by room.

Curators write in English; titles, venues, the curator's words and each room's title and
text are translated into Russian and Tajik (terms from docs/glossary.md). The works shown
are not listed here: each room names the media its works are picked from among the demo's
published works, so the exhibitions follow the portfolios as those change.
"""

from dataclasses import dataclass

from .pages import DemoPage


@dataclass(frozen=True)
class DemoRoom:
    """A section of an exhibition: up to `count` published works in one of `media`
    (gallery.Medium slugs), and its title and text in each language."""

    media: tuple[str, ...]
    count: int
    text: dict[str, dict[str, str]]


@dataclass(frozen=True)
class DemoExhibition:
    """An exhibition open from `opens` to `closes` days after the day the demo is seeded.
    `text` holds each language's title, venue (empty: online only) and search description;
    `curator_text` each language's paragraphs (rich-text HTML)."""

    slug: str
    opens: int
    closes: int
    is_online: bool
    text: dict[str, dict[str, str]]
    curator_text: dict[str, tuple[str, ...]]
    rooms: tuple[DemoRoom, ...]


EXHIBITION_INDEX = DemoPage(
    key="exhibitions",
    model="gallery.ExhibitionIndexPage",
    slug="exhibitions",
    parent="home",
    show_in_menus=True,
    text={
        "en": {
            "title": "Exhibitions",
            "intro": (
                "Curated exhibitions of work by women artists of Tajikistan, in galleries and "
                "online. Walk through each one room by room."
            ),
            "search_description": "Exhibitions of women artists of Tajikistan: now on, coming soon "
            "and past, each with an online viewing room.",
        },
        "ru": {
            "title": "Выставки",
            "intro": (
                "Кураторские выставки работ художниц Таджикистана — в галереях и онлайн. "
                "Проходите по каждой из них зал за залом."
            ),
            "search_description": "Выставки художниц Таджикистана: текущие, предстоящие и "
            "прошедшие, у каждой — онлайн-зал.",
        },
        "tg": {
            "title": "Намоишгоҳҳо",
            "intro": (
                "Намоишгоҳҳои асарҳои занони ҳунарманди Тоҷикистон — дар толорҳо ва онлайн. "
                "Ҳар кадомашро толор ба толор тамошо кунед."
            ),
            "search_description": "Намоишгоҳҳои занони ҳунарманди Тоҷикистон: ҷорӣ, оянда ва "
            "гузашта, ҳар кадом бо толори онлайн.",
        },
    },
)

EXHIBITIONS = (
    DemoExhibition(
        slug="threads-of-the-valley",
        opens=-21,
        closes=45,
        is_online=True,
        text={
            "en": {
                "title": "Threads of the Valley",
                "venue": "Bactria Cultural Centre, Dushanbe",
                "search_description": "Suzani, atlas, adras, felt and carpets by women artists of "
                "Tajikistan.",
            },
            "ru": {
                "title": "Нити долины",
                "venue": "Культурный центр «Бактрия», Душанбе",
                "search_description": "Сюзане, атлас, адрас, войлок и ковры художниц Таджикистана.",
            },
            "tg": {
                "title": "Риштаҳои водӣ",
                "venue": "Маркази фарҳангии «Бохтар», Душанбе",
                "search_description": "Сӯзанӣ, атлас, адрас, намад ва қолинҳои занони ҳунарманди Тоҷикистон.",
            },
        },
        curator_text={
            "en": (
                "<p>For generations women in the valleys of Tajikistan have embroidered, dyed and "
                "woven for their families' weddings. This exhibition brings together artists who "
                "keep those crafts alive and change them, each in her own way.</p>",
                "<p>Walk through the rooms here or come to Dushanbe: the works are the same.</p>",
            ),
            "ru": (
                "<p>Поколениями женщины в долинах Таджикистана вышивали, красили и ткали к семейным "
                "свадьбам. На этой выставке — художницы, которые сохраняют эти ремёсла и меняют "
                "их, каждая по-своему.</p>",
                "<p>Пройдите по залам здесь или приходите в Душанбе: работы те же.</p>",
            ),
            "tg": (
                "<p>Наслҳо боз занон дар водиҳои Тоҷикистон барои тӯйҳои оилаашон гулдӯзӣ "
                "мекарданд, ранг мекарданд ва мебофтанд. Дар ин намоишгоҳ рассомоне гирд омадаанд, "
                "ки ин ҳунарҳоро нигоҳ медоранд ва ҳар кадом ба тарзи худ тағйир медиҳанд.</p>",
                "<p>Толорҳоро дар ин ҷо тамошо кунед ё ба Душанбе биёед: асарҳо ҳамонанд.</p>",
            ),
        },
        rooms=(
            DemoRoom(
                media=("hand-embroidery",),
                count=5,
                text={
                    "en": {
                        "title": "The garden on cloth",
                        "text": "A suzani begins as a drawing in ink on plain cotton; months later "
                        "the garden blooms in silk.",
                    },
                    "ru": {
                        "title": "Сад на ткани",
                        "text": "Сюзане начинается с рисунка тушью на простом хлопке; через "
                        "несколько месяцев сад расцветает шёлком.",
                    },
                    "tg": {
                        "title": "Боғ дар матоъ",
                        "text": "Сӯзанӣ аз нақше бо сиёҳӣ бар матои оддии пахтагӣ оғоз мешавад; "
                        "пас аз чанд моҳ боғ бо абрешим гул мекунад.",
                    },
                },
            ),
            DemoRoom(
                media=("ikat-silk", "adras"),
                count=4,
                text={
                    "en": {
                        "title": "Atlas and adras",
                        "text": "Silk and cotton dyed before weaving, so that every pattern "
                        "shimmers like heat over a summer road.",
                    },
                    "ru": {
                        "title": "Атлас и адрас",
                        "text": "Шёлк и хлопок окрашивают до того, как соткать, — поэтому узор "
                        "дрожит, как марево над летней дорогой.",
                    },
                    "tg": {
                        "title": "Атлас ва адрас",
                        "text": "Абрешим ва пахтаро пеш аз бофтан ранг мекунанд, бинобар ин ҳар "
                        "нақш мисли тафси гармо бар роҳи тобистона меларзад.",
                    },
                },
            ),
            DemoRoom(
                media=("felt", "wool-carpet"),
                count=3,
                text={
                    "en": {
                        "title": "Felt and wool",
                        "text": "From the high pastures: felt rolled by hand and carpets knotted "
                        "through the winter.",
                    },
                    "ru": {
                        "title": "Войлок и шерсть",
                        "text": "С высокогорных пастбищ: войлок, скатанный вручную, и ковры, "
                        "связанные за зиму.",
                    },
                    "tg": {
                        "title": "Намад ва пашм",
                        "text": "Аз чарогоҳҳои баландкӯҳ: намади бо даст молидашуда ва қолинҳое, "
                        "ки дар давоми зимистон гиреҳ зада шудаанд.",
                    },
                },
            ),
        ),
    ),
    DemoExhibition(
        slug="clay-and-silver",
        opens=30,
        closes=90,
        is_online=True,
        text={
            "en": {
                "title": "Clay and Silver",
                "venue": "",
                "search_description": "An online exhibition of ceramics, silver jewellery and carved "
                "wood by women artists of Tajikistan.",
            },
            "ru": {
                "title": "Глина и серебро",
                "venue": "",
                "search_description": "Онлайн-выставка керамики, серебряных украшений и резьбы по "
                "дереву художниц Таджикистана.",
            },
            "tg": {
                "title": "Гил ва нуқра",
                "venue": "",
                "search_description": "Намоишгоҳи онлайни кулолӣ, заргарии нуқра ва кандакории чӯби "
                "занони ҳунарманди Тоҷикистон.",
            },
        },
        curator_text={
            "en": (
                "<p>An online exhibition of potters, jewellers and wood carvers: crafts of fire, "
                "metal and patience, from workshops in Sughd, Dushanbe and the Pamirs.</p>",
            ),
            "ru": (
                "<p>Онлайн-выставка керамисток, ювелиров и резчиц по дереву: ремёсла огня, металла "
                "и терпения из мастерских Согда, Душанбе и Памира.</p>",
            ),
            "tg": (
                "<p>Намоишгоҳи онлайни кулолон, заргарон ва кандакорон: ҳунарҳои оташ, филиз ва "
                "сабр аз устохонаҳои Суғд, Душанбе ва Помир.</p>",
            ),
        },
        rooms=(
            DemoRoom(
                media=("glazed-ceramic",),
                count=5,
                text={
                    "en": {
                        "title": "From the kiln",
                        "text": "Bowls, jugs and tiles glazed in the blues and greens of Rishtan and Isfara.",
                    },
                    "ru": {
                        "title": "Из печи",
                        "text": "Пиалы, кувшины и изразцы в синей и зелёной глазури — как в "
                        "Риштане и Исфаре.",
                    },
                    "tg": {
                        "title": "Аз кӯра",
                        "text": "Косаҳо, кӯзаҳо ва кошинҳо бо сирдори кабуду сабз, мисли Риштон ва Исфара.",
                    },
                },
            ),
            DemoRoom(
                media=("silver",),
                count=4,
                text={
                    "en": {
                        "title": "Silver for a bride",
                        "text": "Earrings, temple pendants and bracelets made the old way, for new weddings.",
                    },
                    "ru": {
                        "title": "Серебро для невесты",
                        "text": "Серьги, височные подвески и браслеты, сделанные по-старому, — "
                        "для новых свадеб.",
                    },
                    "tg": {
                        "title": "Нуқра барои арӯс",
                        "text": "Гӯшвораҳо, овезаҳо ва дастпонаҳое, ки ба тарзи қадима барои "
                        "тӯйҳои нав сохта шудаанд.",
                    },
                },
            ),
            DemoRoom(
                media=("wood",),
                count=3,
                text={
                    "en": {
                        "title": "Carved wood",
                        "text": "Trays and boxes cut from walnut and apricot wood.",
                    },
                    "ru": {
                        "title": "Резное дерево",
                        "text": "Подносы и шкатулки из ореха и абрикоса.",
                    },
                    "tg": {
                        "title": "Чӯби кандакорӣ",
                        "text": "Патнусҳо ва қуттиҳо аз чӯби чормағз ва зардолу.",
                    },
                },
            ),
        ),
    ),
    DemoExhibition(
        slug="mountain-light",
        opens=-210,
        closes=-120,
        is_online=False,
        text={
            "en": {
                "title": "Mountain Light",
                "venue": "Museum of History, Khujand",
                "search_description": "Photographs, landscapes and miniatures of the mountains of "
                "Tajikistan by women artists.",
            },
            "ru": {
                "title": "Горный свет",
                "venue": "Исторический музей, Худжанд",
                "search_description": "Фотографии, пейзажи и миниатюры художниц о горах Таджикистана.",
            },
            "tg": {
                "title": "Нури кӯҳсор",
                "venue": "Осорхонаи таърих, Хуҷанд",
                "search_description": "Суратҳо, манзараҳо ва миниатюраҳои занони ҳунарманд дар "
                "бораи кӯҳҳои Тоҷикистон.",
            },
        },
        curator_text={
            "en": (
                "<p>Light in the mountains changes by the minute. Photographers and painters show "
                "how they catch it: in a print, in oil and with the fine brush of the "
                "miniature.</p>",
            ),
            "ru": (
                "<p>Свет в горах меняется каждую минуту. Фотографы и художницы показывают, как они "
                "его ловят: на снимке, маслом и тонкой кистью миниатюры.</p>",
            ),
            "tg": (
                "<p>Нур дар кӯҳҳо ҳар дақиқа дигар мешавад. Суратгирон ва рассомон нишон медиҳанд, "
                "ки онро чӣ тавр дармеёбанд: дар сурат, бо ранги равғанӣ ва бо мӯқалами борики "
                "миниатюра.</p>",
            ),
        },
        rooms=(
            DemoRoom(
                media=("photo-print",),
                count=5,
                text={
                    "en": {
                        "title": "On foot",
                        "text": "Passes, villages and winter roads, photographed while walking.",
                    },
                    "ru": {
                        "title": "Пешком",
                        "text": "Перевалы, кишлаки и зимние дороги, снятые в пути пешком.",
                    },
                    "tg": {
                        "title": "Пиёда",
                        "text": "Ағбаҳо, деҳаҳо ва роҳҳои зимистона, ки ҳангоми пиёдагардӣ "
                        "сурат гирифта шудаанд.",
                    },
                },
            ),
            DemoRoom(
                media=("oil", "watercolour", "acrylic"),
                count=6,
                text={
                    "en": {
                        "title": "Colours of the land",
                        "text": "Apricot evenings, June in the mountains, snow on the passes: "
                        "landscapes in oil, acrylic and watercolour.",
                    },
                    "ru": {
                        "title": "Цвета земли",
                        "text": "Абрикосовые вечера, июнь в горах, снег на перевалах: пейзажи "
                        "маслом, акрилом и акварелью.",
                    },
                    "tg": {
                        "title": "Рангҳои замин",
                        "text": "Шомҳои зардолуӣ, моҳи июн дар кӯҳҳо, барф дар ағбаҳо: манзараҳо "
                        "бо рангҳои равғанӣ, акрилӣ ва обӣ.",
                    },
                },
            ),
            DemoRoom(
                media=("ink-miniature",),
                count=3,
                text={
                    "en": {
                        "title": "Miniatures",
                        "text": "Small paintings in ink and gold, after the masters of Herat and Bukhara.",
                    },
                    "ru": {
                        "title": "Миниатюры",
                        "text": "Маленькие картины тушью и золотом — вслед за мастерами Герата и Бухары.",
                    },
                    "tg": {
                        "title": "Миниатюраҳо",
                        "text": "Расмҳои хурд бо сиёҳӣ ва тилло, дар пайравии устодони Ҳирот ва Бухоро.",
                    },
                },
            ),
        ),
    ),
)
