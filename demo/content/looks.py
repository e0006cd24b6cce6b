"""How the demo artworks look: a pattern generator for each kind of picture, and what the
picture shows, described in the three languages for its alt text.

An artwork names its look; the seed draws the look at the work's proportions with a seed of
its own, so no two works are the same picture. The descriptions say what is drawn, colour
by colour, because alt text stands in for the picture.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PIL import Image

from demo.patterns import ADRAS, ATLAS, chakan, ikat, pomegranate_tiles, suzani
from demo.patterns.colour import bordered, hue_shift, tinted
from demo.patterns.landscape import APRICOT, DAWN, DUSK, SUMMER, WINTER, landscape
from demo.patterns.plate import COBALT, EARTH, RISHTAN, SILVER, plate

Draw = Callable[[tuple[int, int], int], Image.Image]

INDIGO = ("#1b2a5c", "#f4efe2", "#3b5ba9", "#8fb1d9", "#0f1838")
MADDER = ("#7a1424", "#1f3b5a", "#e8d9b5", "#b5472f", "#2f2a28", "#c9932c")
MEADOW = ("#2e6b3a", "#f2c14e", "#e8e0c8", "#7a1424", "#1b1b3a", "#8fbf6a")


@dataclass(frozen=True)
class Look:
    draw: Draw
    alt: dict[str, str]


def _recoloured(draw: Draw, degrees: int) -> Draw:
    return lambda size, seed: hue_shift(draw(size, seed), degrees)


def _wood(draw: Draw) -> Draw:
    return lambda size, seed: tinted(draw(size, seed), "#3b2414", "#d9b88a")


def _miniature(palette) -> Draw:
    return lambda size, seed: bordered(landscape(size, seed, palette), "#efe3c6", "#b8892a")


LOOKS = {
    "suzani": Look(
        suzani,
        {
            "en": "suzani embroidery with large red rosettes ringed by petals and small flowers on "
            "winding green stems, on an ivory ground",
            "ru": "вышивка сюзане: крупные красные розетки в венцах лепестков и мелкие цветы на "
            "извилистых зелёных стеблях по светлому фону",
            "tg": "гулдӯзии сӯзанӣ: гулҳои калони сурхи гирд бо гулбаргҳо ва гулчаҳои хурд дар "
            "шохаҳои сабзи печон, дар заминаи шириранг",
        },
    ),
    "suzani_blue": Look(
        _recoloured(suzani, 200),
        {
            "en": "embroidery in blues: large blue and turquoise rosettes and small flowers on winding "
            "stems, on a pale lilac ground",
            "ru": "вышивка в синих тонах: крупные синие и бирюзовые розетки и мелкие цветы на "
            "стеблях по бледно-сиреневому фону",
            "tg": "гулдӯзӣ бо рангҳои кабуд: гулҳои калони кабуду фирӯзаранг ва гулчаҳо дар "
            "шохаҳои печон, дар заминаи бунафши кушод",
        },
    ),
    "suzani_green": Look(
        _recoloured(suzani, 120),
        {
            "en": "embroidery in greens: large green rosettes with dark petals and small flowers on "
            "winding stems, on a pale mint ground",
            "ru": "вышивка в зелёных тонах: крупные зелёные розетки с тёмными лепестками и мелкие "
            "цветы на светло-мятном фоне",
            "tg": "гулдӯзӣ бо рангҳои сабз: гулҳои калони сабз бо гулбаргҳои торик ва гулчаҳо дар "
            "заминаи сабзи кушод",
        },
    ),
    "chakan": Look(
        chakan,
        {
            "en": "chakan embroidery: rows of white, yellow, pink, blue and green flowers in stitched "
            "circles on red cotton, with yellow zigzag stitches between the rows",
            "ru": "вышивка чакан: ряды белых, жёлтых, розовых, синих и зелёных цветов в кругах "
            "из стежков на красной ткани, между рядами жёлтый зигзаг",
            "tg": "гулдӯзии чакан: қаторҳои гулҳои сафед, зард, гулобӣ, кабуд ва сабз дар доираҳо "
            "бар матои сурх, байни қаторҳо дарзи зарди каҷу килеб",
        },
    ),
    "chakan_blue": Look(
        _recoloured(chakan, 230),
        {
            "en": "embroidery on deep blue cotton: rows of bright flowers in stitched circles with "
            "zigzag stitches between the rows",
            "ru": "вышивка на тёмно-синей ткани: ряды ярких цветов в кругах из стежков и зигзаги "
            "между рядами",
            "tg": "гулдӯзӣ бар матои кабуди торик: қаторҳои гулҳои равшан дар доираҳо ва дарзҳои "
            "каҷу килеб байни онҳо",
        },
    ),
    "felt": Look(
        _recoloured(chakan, 40),
        {
            "en": "felt panel in amber with rows of lime green, violet and white flowers inside "
            "stitched circles",
            "ru": "войлочное панно янтарного цвета с рядами салатовых, фиолетовых и белых цветов в кругах",
            "tg": "намади каҳрабоиранг бо қаторҳои гулҳои сабзи равшан, бунафш ва сафед дар доираҳо",
        },
    ),
    "atlas": Look(
        partial(ikat, palette=ATLAS),
        {
            "en": "atlas silk ikat: vertical bands of diamonds, arrowheads and hourglasses in yellow, "
            "magenta, blue and green with softly frayed edges",
            "ru": "шёлковый атлас: вертикальные полосы ромбов, стрел и песочных часов в жёлтом, "
            "малиновом, синем и зелёном, с размытыми краями",
            "tg": "атласи абрешимӣ: рахҳои амудии ромбҳо ва тирчаҳо бо рангҳои зард, арғувонӣ, "
            "кабуд ва сабз, канорҳояшон нарм ва парешон",
        },
    ),
    "adras": Look(
        partial(ikat, palette=ADRAS),
        {
            "en": "adras ikat in deep red, purple, ochre and cream: stacked diamonds and chevrons in "
            "vertical bands with feathered edges",
            "ru": "адрас в тёмно-красном, фиолетовом, охристом и кремовом: ромбы и шевроны "
            "вертикальными полосами с перистыми краями",
            "tg": "адрас бо рангҳои сурхи торик, бунафш, зардчаҳранг ва шириранг: ромбҳо ва "
            "кунҷакҳо дар рахҳои амудӣ",
        },
    ),
    "indigo": Look(
        partial(ikat, palette=INDIGO),
        {
            "en": "indigo ikat: vertical bands of diamonds and chevrons in dark blue, sky blue and cream",
            "ru": "икат цвета индиго: вертикальные полосы ромбов и шевронов в тёмно-синем, "
            "голубом и кремовом",
            "tg": "икати нилгун: рахҳои амудии ромбҳо ва кунҷакҳо бо рангҳои кабуди торик, осмонӣ "
            "ва шириранг",
        },
    ),
    "madder": Look(
        partial(ikat, palette=MADDER),
        {
            "en": "wool weave in madder red, dark blue, cream and ochre: vertical bands of diamonds "
            "and stepped chevrons",
            "ru": "шерстяное плетение в марене, тёмно-синем, кремовом и охре: вертикальные полосы "
            "ромбов и ступенчатых шевронов",
            "tg": "бофтаи пашмин бо рангҳои руняи сурх, кабуди торик, шириранг ва зардчаҳранг: "
            "рахҳои ромбҳо ва кунҷакҳо",
        },
    ),
    "meadow": Look(
        partial(ikat, palette=MEADOW),
        {
            "en": "ikat in green, yellow, dark red and navy: bands of diamonds and chevrons with "
            "frayed edges",
            "ru": "икат в зелёном, жёлтом, тёмно-красном и тёмно-синем: полосы ромбов и шевронов",
            "tg": "икат бо рангҳои сабз, зард, сурхи торик ва кабуди торик: рахҳои ромбҳо ва кунҷакҳо",
        },
    ),
    "tiles": Look(
        pomegranate_tiles,
        {
            "en": "cobalt glazed tiles, each with a red pomegranate between green leaves in a white "
            "ring, and turquoise stars where the corners meet",
            "ru": "кобальтовые изразцы: на каждом красный гранат между зелёными листьями в белом "
            "круге, на стыках бирюзовые звёзды",
            "tg": "кошинҳои кабуди сирдор: дар ҳар яке анори сурх байни баргҳои сабз дар ҳалқаи "
            "сафед, дар кунҷҳо ситораҳои фирӯзаранг",
        },
    ),
    "wood_tiles": Look(
        _wood(pomegranate_tiles),
        {
            "en": "carved wooden panel in warm browns: pomegranates inside rings and eight-pointed "
            "stars in a grid",
            "ru": "резная деревянная панель в тёплых коричневых тонах: гранаты в кругах и "
            "восьмиконечные звёзды",
            "tg": "лавҳаи чӯбии кандакорӣ бо рангҳои қаҳваранги гарм: анорҳо дар ҳалқаҳо ва "
            "ситораҳои ҳаштгӯша",
        },
    ),
    "wood_rosettes": Look(
        _wood(suzani),
        {
            "en": "carved wood in warm browns: large rosettes and small flowers on winding stems",
            "ru": "резьба по дереву в коричневых тонах: крупные розетки и мелкие цветы на стеблях",
            "tg": "кандакорӣ дар чӯб бо рангҳои қаҳваранг: гулҳои калони гирд ва гулчаҳо дар шохаҳо",
        },
    ),
    "dawn": Look(
        partial(landscape, palette=DAWN),
        {
            "en": "painting of lilac and violet mountain ridges fading into the distance under a "
            "peach sky with a pale sun",
            "ru": "живопись: сиреневые и фиолетовые гряды гор уходят вдаль под персиковым небом с "
            "бледным солнцем",
            "tg": "расм: қаторкӯҳҳои бунафш дар зери осмони шафтолуранг бо офтоби кушод",
        },
    ),
    "dusk": Look(
        partial(landscape, palette=DUSK),
        {
            "en": "painting of dark plum mountain ridges under a dusky blue sky with a golden sun",
            "ru": "живопись: тёмно-сливовые гряды гор под сумеречным синим небом с золотым солнцем",
            "tg": "расм: қаторкӯҳҳои олуии торик дар зери осмони шомгоҳӣ бо офтоби тиллоранг",
        },
    ),
    "winter": Look(
        partial(landscape, palette=WINTER),
        {
            "en": "painting of snowy grey-blue mountain ridges under a pale winter sky with a white sun",
            "ru": "живопись: заснеженные серо-голубые горы под бледным зимним небом с белым солнцем",
            "tg": "расм: кӯҳҳои барфпӯши хокистарранг дар зери осмони зимистона бо офтоби сафед",
        },
    ),
    "summer": Look(
        partial(landscape, palette=SUMMER),
        {
            "en": "painting of green mountain ridges, darker towards the front, under a blue summer "
            "sky with a bright sun",
            "ru": "живопись: зелёные гряды гор, темнеющие к переднему плану, под синим летним небом",
            "tg": "расм: қаторкӯҳҳои сабз, ки ба пеш торик мешаванд, дар зери осмони кабуди тобистон",
        },
    ),
    "apricot": Look(
        partial(landscape, palette=APRICOT),
        {
            "en": "painting of terracotta and brown mountain ridges under an apricot-coloured sky "
            "with a white sun",
            "ru": "живопись: терракотовые и коричневые горы под абрикосовым небом с белым солнцем",
            "tg": "расм: кӯҳҳои сафолиранг ва қаҳваранг дар зери осмони зардолуранг бо офтоби сафед",
        },
    ),
    "photo_winter": Look(
        partial(landscape, palette=WINTER, canvas=False),
        {
            "en": "photograph of snow-covered mountain ridges in layers of grey and blue under a pale sky",
            "ru": "фотография: заснеженные хребты слоями серого и синего под бледным небом",
            "tg": "акс: қаторкӯҳҳои барфпӯш қабат ба қабат бо рангҳои хокистарӣ ва кабуд",
        },
    ),
    "photo_summer": Look(
        partial(landscape, palette=SUMMER, canvas=False),
        {
            "en": "photograph of green summer mountains, ridge behind ridge, under a clear blue sky",
            "ru": "фотография: зелёные летние горы, хребет за хребтом, под ясным синим небом",
            "tg": "акс: кӯҳҳои сабзи тобистона, қатор аз паси қатор, дар зери осмони софи кабуд",
        },
    ),
    "photo_dusk": Look(
        partial(landscape, palette=DUSK, canvas=False),
        {
            "en": "photograph of dark mountain ridges at dusk under a deep blue sky with a low golden sun",
            "ru": "фотография: тёмные хребты в сумерках под глубоким синим небом и низким золотым солнцем",
            "tg": "акс: қаторкӯҳҳои торик дар шомгоҳ бо офтоби тиллоранги паст",
        },
    ),
    "digital": Look(
        partial(landscape, palette=APRICOT, canvas=False),
        {
            "en": "digital illustration of flat terracotta mountains in layers under an apricot sky",
            "ru": "цифровая иллюстрация: плоские терракотовые горы слоями под абрикосовым небом",
            "tg": "тасвири рақамӣ: кӯҳҳои ҳамвори сафолиранг қабат ба қабат дар зери осмони зардолуранг",
        },
    ),
    "miniature_dusk": Look(
        _miniature(DUSK),
        {
            "en": "miniature of plum-coloured mountains under a golden sun, set in a wide cream "
            "border with a gold rule",
            "ru": "миниатюра: сливовые горы под золотым солнцем в широком кремовом поле с золотой линией",
            "tg": "миниатюра: кӯҳҳои олуранг дар зери офтоби тиллоӣ, дар ҳошияи васеи шириранг бо "
            "хати тиллоӣ",
        },
    ),
    "miniature_dawn": Look(
        _miniature(DAWN),
        {
            "en": "miniature of violet mountains under a peach sky, set in a wide cream border with "
            "a gold rule",
            "ru": "миниатюра: фиолетовые горы под персиковым небом в широком кремовом поле с золотой линией",
            "tg": "миниатюра: кӯҳҳои бунафш дар зери осмони шафтолуранг, дар ҳошияи шириранг бо хати тиллоӣ",
        },
    ),
    "plate_cobalt": Look(
        partial(plate, palette=COBALT),
        {
            "en": "round glazed dish seen from above: a ring of cobalt blue petals and turquoise "
            "leaves round a blue star with a red centre, on white glaze",
            "ru": "круглое глазурованное блюдо сверху: венок кобальтовых лепестков и бирюзовых "
            "листьев вокруг синей звезды с красной серединой",
            "tg": "лагани гирди сирдор аз боло: ҳалқаи гулбаргҳои кабуд ва баргҳои фирӯзаранг "
            "гирди ситораи кабуд бо маркази сурх",
        },
    ),
    "plate_turquoise": Look(
        partial(plate, palette=RISHTAN),
        {
            "en": "round dish with turquoise glaze seen from above: teal petals round a star with "
            "a yellow centre, on a dark table",
            "ru": "круглое блюдо с бирюзовой глазурью сверху: лепестки цвета морской волны вокруг "
            "звезды с жёлтой серединой",
            "tg": "лагани гирди фирӯзаранг аз боло: гулбаргҳои кабуди сабзтоб гирди ситора бо маркази зард",
        },
    ),
    "plate_earth": Look(
        partial(plate, palette=EARTH),
        {
            "en": "round earthenware dish seen from above: brown petals and green leaves round a "
            "brown star on honey-coloured glaze",
            "ru": "круглое глиняное блюдо сверху: коричневые лепестки и зелёные листья вокруг "
            "звезды на медовой глазури",
            "tg": "табақи гилини гирд аз боло: гулбаргҳои қаҳваранг ва баргҳои сабз гирди ситора "
            "дар сири асалранг",
        },
    ),
    "pendant": Look(
        partial(plate, palette=SILVER),
        {
            "en": "round silver pendant seen from above: grey petals with small red stones round a "
            "star and a red centre stone, on dark cloth",
            "ru": "круглая серебряная подвеска сверху: серые лепестки с мелкими красными камнями "
            "вокруг звезды и красного камня в центре",
            "tg": "овезаи гирди нуқрагӣ аз боло: гулбаргҳо бо сангҳои хурди сурх гирди ситора ва "
            "санги сурх дар марказ",
        },
    ),
}

DETAIL = {"en": "Detail: {}", "ru": "Фрагмент: {}", "tg": "Порча: {}"}
QUOTES = {"en": "“{}”", "ru": "«{}»", "tg": "«{}»"}


def alt_text(look: str, language: str, title: str, *, close_up: bool = False) -> str:
    """The alt text of a work's picture: its title, then what the picture shows."""
    text = f"{QUOTES[language].format(title)}: {LOOKS[look].alt[language]}"
    text = DETAIL[language].format(text) if close_up else text
    return text[:255]
