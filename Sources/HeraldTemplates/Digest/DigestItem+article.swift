import HeraldCore

extension DigestItem {
    /// The template view of a stored article.
    package init(article: DigestArticle) {
        self.init(
            title: article.title, link: article.link ?? "", summaryHTML: article.summaryHTML,
            summaryText: article.summaryText, author: article.author, date: article.published,
            imageURL: article.imageURL)
    }
}
