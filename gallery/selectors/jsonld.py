"""The gallery's structured data (schema.org, written out by `heritage.jsonld`): a work as
`VisualArtwork` with its offer and buyers' ratings, an artist's portfolio as `Person`, an exhibition as
`ExhibitionEvent`."""

from decimal import Decimal

from gallery.models.artwork import Artwork
from gallery.ratings import artwork_rating_get
from gallery.sales import Availability
from heritage.images.renditions import LARGE_RENDITION, SOCIAL_RENDITION
from heritage.jsonld import SCHEMA, organization

# What a buyer can do, in schema.org's words; a work not for sale has no offer at all.
OFFER_AVAILABILITY = {
    Availability.FOR_SALE: f"{SCHEMA}/InStock",
    Availability.SOLD: f"{SCHEMA}/SoldOut",
}
LEDGER_CURRENCY = "TJS"


def artwork_jsonld(artwork: Artwork, *, url: str, artist_url: str = "") -> dict:
    """The work as schema.org `VisualArtwork`; `artwork` comes with its sale annotations
    (`gallery.sales.artworks_with_sale`), which give its `offers`: the lowest price one can
    buy it at (or, once sold, the price it sold at) in somoni, and whether it is in stock."""
    creator = {"@type": "Person", "name": artwork.artist.display_name}
    if artist_url:
        creator["url"] = artist_url
    data = {
        "@context": SCHEMA,
        "@type": "VisualArtwork",
        "name": artwork.title,
        "url": url,
        "creator": creator,
    }
    if artwork.description:
        data["description"] = artwork.description
    if artwork.year:
        data["dateCreated"] = str(artwork.year)
    if artwork.medium:
        data["artMedium"] = artwork.medium.name
    if artwork.materials:
        data["artworkSurface"] = artwork.materials
    for name in ("width", "height", "depth"):
        value = getattr(artwork, f"{name}_cm")
        if value:
            data[name] = {"@type": "QuantitativeValue", "value": float(value), "unitCode": "CMT"}
    images = [item.image.get_rendition(LARGE_RENDITION).full_url for item in artwork.images.all()]
    if images:
        data["image"] = images
    tags = [tag.name for tag in artwork.tags.all()]
    if tags:
        data["keywords"] = ", ".join(tags)
    offer = _offer(artwork, url=url)
    if offer:
        data["offers"] = offer
    data.update(_ratings(artwork))
    return data


def _ratings(artwork: Artwork) -> dict:
    """Buyers' published reviews: the average and count, and the latest reviews themselves."""
    rating = artwork_rating_get(artwork)
    if rating is None:
        return {}
    return {
        "aggregateRating": {
            "@type": "AggregateRating",
            "ratingValue": rating.average,
            "reviewCount": rating.count,
            "bestRating": 5,
            "worstRating": 1,
        },
        "review": [
            {
                "@type": "Review",
                "author": {"@type": "Person", "name": review.author_name},
                "datePublished": review.created_at.date().isoformat(),
                "reviewBody": review.text,
                "reviewRating": {"@type": "Rating", "ratingValue": review.rating, "bestRating": 5},
            }
            for review in rating.reviews
        ],
    }


def _offer(artwork: Artwork, *, url: str) -> dict | None:
    availability = OFFER_AVAILABILITY.get(getattr(artwork, "availability", None))
    price = getattr(artwork, "price_listed", None)
    if availability is None or price is None:
        return None
    return {
        "@type": "Offer",
        # schema.org wants major units with a dot: 150050 diram are "1500.50" somoni.
        "price": str((Decimal(price) / 100).quantize(Decimal("0.01"))),
        "priceCurrency": LEDGER_CURRENCY,
        "availability": availability,
        "url": url,
    }


def artist_jsonld(artist, *, url: str) -> dict:
    """A `PublicArtist` as schema.org `Person`: her public name, words, picture and the links
    she chose to show (`sameAs`). Nothing private exists on a `PublicArtist` to leak."""
    data = {"@context": SCHEMA, "@type": "Person", "name": artist.display_name, "url": url}
    if artist.bio or artist.statement:
        data["description"] = artist.bio or artist.statement
    if artist.disciplines:
        data["knowsAbout"] = list(artist.disciplines)
    if artist.image is not None:
        data["image"] = artist.image.get_rendition(SOCIAL_RENDITION).full_url
    links = [
        link
        for link in (artist.website, artist.instagram_url, artist.telegram_url)
        if link.startswith(("https://", "http://"))
    ]
    if links:
        data["sameAs"] = links
    return data


def exhibition_jsonld(page, *, rooms, request) -> dict:
    """An exhibition as schema.org `ExhibitionEvent`: its dates, its venue (or the web), the
    public works it shows (by name: finding the gallery's address would cost the page a
    query)."""
    data = {
        "@context": SCHEMA,
        "@type": "ExhibitionEvent",
        "name": page.title,
        "url": page.get_full_url(request),
        "startDate": page.start_date.isoformat(),
        "endDate": page.end_date.isoformat(),
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "organizer": organization(request),
    }
    if page.venue:
        data["location"] = {"@type": "Place", "name": page.venue}
        data["eventAttendanceMode"] = (
            f"{SCHEMA}/MixedEventAttendanceMode" if page.is_online else f"{SCHEMA}/OfflineEventAttendanceMode"
        )
    else:
        data["location"] = {"@type": "VirtualLocation", "url": data["url"]}
        data["eventAttendanceMode"] = f"{SCHEMA}/OnlineEventAttendanceMode"
    description = page.get_social_text()
    if description:
        data["description"] = description
    works = []
    for room in rooms:
        for work in room.artworks:
            works.append({"@type": "VisualArtwork", "name": work.title})
    if works:
        data["workFeatured"] = works
    return data
