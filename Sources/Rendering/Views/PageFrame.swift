import Model

/// What every page's header and footer need.
struct PageFrame: Sendable {
    var siteTitle: String
    var organisation: String
    var title: String
    var root: String
    var stylesheet: String

    init(settings: SiteSettings, root: String, title: String) {
        self.siteTitle = settings.title
        self.organisation = settings.organisation
        self.title = title
        self.root = root
        self.stylesheet = root + "assets/style.css"
    }
}
