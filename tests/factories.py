"""Test data: users, images and pages, plus `build_site()` for a whole three-language site."""

from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.models import Collection, Locale, Page, Site

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from PIL import Image, ImageDraw

from artists.models import ArtistProfile
from cms.models import HomePage, StandardPage
from gallery.models import Artwork, ArtworkImage
from heritage.models import CustomImage, User
from shop.models import Offer, Order, ShippingProfile
from shop.services import BuyerDetails, order_create, order_mark_paid

HERO_HEADINGS = {
    "en": "Art by women artists of Tajikistan",
    "ru": "Искусство женщин-художниц Таджикистана",
    "tg": "Санъати занони ҳунарманди Тоҷикистон",
}
HERO_TEXTS = {
    "en": "Paintings, embroidery, ceramics and prints, published with the artists and sold for them.",
    "ru": "Живопись, вышивка, керамика и графика: мы публикуем их вместе с художницами и продаём для них.",
    "tg": "Наққошӣ, гулдӯзӣ, кулолӣ ва графика: мо онҳоро бо рассомон нашр мекунем ва барои онҳо мефурӯшем.",
}
HOME_TITLES = {"en": "Home", "ru": "Главная", "tg": "Саҳифаи асосӣ"}
ABOUT_TITLES = {"en": "About us", "ru": "О нас", "tg": "Дар бораи мо"}


def jpeg_bytes(width: int = 64, height: int = 48, color: str = "#9b1c31") -> bytes:
    """A small JPEG drawn in memory: a coloured field with a lighter band, so crops differ."""
    picture = Image.new("RGB", (width, height), color)
    ImageDraw.Draw(picture).rectangle((0, height // 3, width, 2 * height // 3), fill="#c99a2e")
    out = BytesIO()
    picture.save(out, format="JPEG", quality=85)
    return out.getvalue()


def root_collection() -> Collection:
    """Wagtail's root collection, recreated if a transactional test has flushed it away."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


class UserFactory(DjangoModelFactory):
    """A person with an account; she signs in with her email address and `password`."""

    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("password")
    is_active = True


class ImageFactory(DjangoModelFactory):
    """An image in the root collection, with the alt text every image must have."""

    class Meta:
        model = CustomImage

    class Params:
        pixel_size = (64, 48)

    title = factory.Sequence(lambda n: f"Suzani detail {n}")
    alt_text = "Red suzani embroidery with a band of gold thread"
    collection = factory.LazyFunction(root_collection)
    file = factory.LazyAttribute(
        lambda obj: ContentFile(jpeg_bytes(*obj.pixel_size), name=f"{obj.title}.jpg")
    )


class HomePageFactory(wagtail_factories.PageFactory):
    """A language's front door. Pass `parent` (usually the tree's root page)."""

    class Meta:
        model = HomePage

    title = HOME_TITLES["en"]
    slug = "home"
    hero_heading = HERO_HEADINGS["en"]
    hero_text = HERO_TEXTS["en"]


class StandardPageFactory(wagtail_factories.PageFactory):
    """A plain page of text. Pass `parent` (a home page or another standard page)."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "A page about the project."


def _tree_root(default_locale: Locale) -> Page:
    """The tree's root page, recreated if a transactional test has flushed it away."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=default_locale))
    return root


def _translate(page: Page, locale: Locale, **fields) -> Page:
    """Copy `page` into `locale`, set the translated `fields` and publish the copy."""
    translated = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    if "title" in fields:
        translated.draft_title = fields["title"]
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def build_site(locales=("en", "ru", "tg"), *, hero_image: bool = False) -> dict:
    """A published site in English and every other language of `locales`.

    The English home page replaces Wagtail's welcome page as the default Site's root; every
    other language gets a translation of it with its own hero heading, and each home has an
    "About us" page in the main menu. `hero_image` gives the home pages a 960×540 hero
    picture (its renditions are made on the first request).

    Returns `{"home": {code: page}, "about": {code: page}}`. Works on a fresh test database
    and after a transactional test has flushed every table.
    """
    locale = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", *locales)}
    root = _tree_root(locale["en"])
    for stale in root.get_children():
        # Deleting the old root also deletes the Site that pointed at it.
        stale.delete()
    root.refresh_from_db()

    home_en = HomePageFactory(
        parent=root,
        locale=locale["en"],
        hero_image=ImageFactory(pixel_size=(960, 540)) if hero_image else None,
    )
    home_en.save_revision().publish()
    Site.objects.create(
        hostname="localhost",
        port=80,
        site_name="TajikHeritage",
        root_page=home_en,
        is_default_site=True,
    )
    about_en = StandardPageFactory(
        parent=home_en,
        locale=locale["en"],
        title=ABOUT_TITLES["en"],
        slug="about-us",
        show_in_menus=True,
    )
    about_en.save_revision().publish()

    pages = {"home": {"en": home_en}, "about": {"en": about_en}}
    for code in locales:
        if code == "en":
            continue
        pages["home"][code] = _translate(
            home_en,
            locale[code],
            title=HOME_TITLES[code],
            hero_heading=HERO_HEADINGS[code],
            hero_text=HERO_TEXTS[code],
        )
        pages["about"][code] = _translate(about_en, locale[code], title=ABOUT_TITLES[code])
    return pages


class ArtistFactory(DjangoModelFactory):
    """An approved artist with her own verified account."""

    class Meta:
        model = ArtistProfile

    user = factory.SubFactory(UserFactory, email_verified_at=factory.LazyFunction(timezone.now))
    display_name = factory.Sequence(lambda n: f"Artist {n}")
    region = "sughd"
    status = ArtistProfile.Status.APPROVED
    bio = "I embroider suzani the way my grandmother taught me."


class ArtworkFactory(DjangoModelFactory):
    """A work with one image; published unless `status` says otherwise."""

    class Meta:
        model = Artwork
        skip_postgeneration_save = True

    artist = factory.SubFactory(ArtistFactory)
    title = factory.Sequence(lambda n: f"Pomegranate garden {n}")
    slug = factory.Sequence(lambda n: f"pomegranate-garden-{n}")
    year = 2025
    width_cm = 80
    height_cm = 120
    status = Artwork.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def with_image(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            ArtworkImage.objects.create(artwork=obj, image=ImageFactory(), sort_order=0)


def shipping_profile() -> ShippingProfile:
    """The "rolled textile" profile the shop's data migration creates (5000 / 40000 / 70000 TJS diram)."""
    return ShippingProfile.objects.order_by("sort_order").get(sort_order=1)


class OfferFactory(DjangoModelFactory):
    """The original of a published work, on sale for 1 500 TJS."""

    class Meta:
        model = Offer

    artwork = factory.SubFactory(ArtworkFactory)
    kind = Offer.Kind.ORIGINAL
    stock = 1
    price_amount = 150000
    currency = "TJS"
    shipping_profile = factory.LazyFunction(shipping_profile)


class PrintOfferFactory(OfferFactory):
    kind = Offer.Kind.PRINT
    edition_size = 30
    stock = 10
    price_amount = 25000


def buyer_details(**overrides) -> BuyerDetails:
    """A guest buyer in Dushanbe paying by card, terms accepted."""
    values = {
        "email": "buyer@example.com",
        "name": "Madina Karimova",
        "address_line1": "Rudaki Avenue 12, apt 4",
        "city": "Dushanbe",
        "country": "TJ",
        "postal_code": "734025",
        "payment_method": Order.PaymentMethod.CARD,
        "terms_accepted": True,
    }
    values.update(overrides)
    return BuyerDetails(**values)


def order_place(*offers_and_quantities, **buyer) -> Order:
    """A pending order for (offer, quantity) pairs, through the same service checkout uses."""
    items = [(offer.pk, quantity) for offer, quantity in offers_and_quantities]
    return order_create(items, buyer_details(**buyer))


def order_paid(*offers_and_quantities, **buyer) -> Order:
    """A paid order (as if the payment webhook arrived)."""
    order = order_place(*offers_and_quantities, **buyer)
    return order_mark_paid(order, amount=order.total, currency=order.currency, source="test")


def index_under_homes(page_class, *, slug: str, titles: dict[str, str]) -> dict:
    """The three-language site with an index page of `page_class` under each home, published
    in English at /en/<slug>/ and translated into Russian and Tajik."""
    pages = build_site()
    english = page_class(title=titles["en"], slug=slug, show_in_menus=True)
    pages["home"]["en"].add_child(instance=english)
    english.save_revision().publish()
    english.refresh_from_db()
    result = {"en": english}
    for code in ("ru", "tg"):
        result[code] = _translate(english, pages["home"][code].locale, title=titles[code])
    return result
