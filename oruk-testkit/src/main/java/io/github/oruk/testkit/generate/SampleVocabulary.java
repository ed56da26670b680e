package io.github.oruk.testkit.generate;

import io.github.oruk.model.Taxonomy;
import io.github.oruk.model.TaxonomyTerm;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A small service-type vocabulary written by this project for generated test data: 7 categories and 23
 * service types under them, 30 terms in all.
 *
 * <p><strong>This is a sample for tests, not an official or recommended list.</strong> Real directories
 * use published vocabularies (the LGA service types, the DfE family hubs list, Open Eligibility and so
 * on); this one only exists so that generated services carry plausible, stable taxonomy terms.
 *
 * <p>Besides the terms themselves, each service type carries hints the generator uses: name endings,
 * sentences for descriptions, typical age ranges, opening pattern and prices.
 */
final class SampleVocabulary {

  /** The taxonomy's name, also written into each term's {@code taxonomy} property. */
  static final String TAXONOMY_NAME = "oruk-java sample service types";

  private static final String ID_PREFIX = "oruk-java/sample-service-types/";

  /** Fixed id of the sample taxonomy. */
  static final String TAXONOMY_ID = nameId("taxonomy");

  /** When during the week a kind of service usually runs. */
  enum Timing {
    OFFICE(List.of("MO,TU,WE,TH,FR", "MO,WE,FR", "TU,TH", "MO,TU,TH"),
        List.of(times(9, 0, 17, 0), times(9, 30, 16, 30), times(10, 0, 16, 0))),
    DAYTIME(List.of("MO,WE,FR", "TU,TH", "MO,TU,WE,TH,FR", "WE"),
        List.of(times(10, 0, 15, 0), times(10, 0, 14, 0), times(9, 30, 15, 30))),
    MORNING(List.of("MO", "TU", "WE,FR", "TH", "SA"),
        List.of(times(9, 30, 11, 30), times(10, 0, 12, 0), times(10, 30, 12, 0))),
    LUNCH(List.of("TU", "WE", "TH", "MO,TH", "FR"),
        List.of(times(12, 0, 14, 0), times(11, 30, 13, 30), times(12, 0, 13, 30))),
    AFTER_SCHOOL(List.of("MO,WE", "TU,TH", "WE", "MO,TU,WE,TH"),
        List.of(times(15, 30, 17, 30), times(15, 45, 17, 0), times(16, 0, 18, 0))),
    EVENING(List.of("TU", "WE", "FR", "MO,TH"),
        List.of(times(18, 0, 20, 30), times(18, 30, 21, 0), times(19, 0, 21, 0)));

    final List<String> days;
    /** Each entry: opening hour, minute, closing hour, minute. */
    final List<int[]> hours;

    Timing(List<String> days, List<int[]> hours) {
      this.days = days;
      this.hours = hours;
    }

    private static int[] times(int openHour, int openMinute, int closeHour, int closeMinute) {
      return new int[] {openHour, openMinute, closeHour, closeMinute};
    }
  }

  /** An age range; {@code -1} means that end is open (the property is left out). */
  record Ages(int minimum, int maximum) {
    static final Ages NONE = new Ages(-1, -1);
  }

  /** A top-level term. */
  record Category(String code, String name, String description) {
    String id() {
      return nameId(code);
    }
  }

  /** A second-level term together with what the generator needs to describe such a service. */
  record Kind(Category category, String code, String name, String description, List<String> nameEndings,
      List<String> sentences, List<Ages> ages, Timing timing, double paidShare, List<BigDecimal> prices,
      String priceOption) {
    String id() {
      return nameId(code);
    }
  }

  static final Category FOOD = new Category("food-and-essentials", "Food and essentials",
      "Help with food, clothing, baby items and other everyday essentials.");
  static final Category FAMILY = new Category("family-support", "Family support",
      "Support for parents, carers, babies and children.");
  static final Category HEALTH = new Category("health-and-wellbeing", "Health and wellbeing",
      "Activities and support for physical and mental health.");
  static final Category YOUNG = new Category("young-people", "Young people",
      "Clubs, learning support and guidance for children and teenagers.");
  static final Category OLDER = new Category("older-people", "Older people",
      "Company, meals and day care for older people.");
  static final Category MONEY = new Category("money-and-housing", "Money and housing",
      "Advice on debt, benefits and keeping a home.");
  static final Category LEARNING = new Category("learning-and-work", "Learning and work",
      "Courses, skills and help finding work for adults.");

  static final List<Category> CATEGORIES = List.of(FOOD, FAMILY, HEALTH, YOUNG, OLDER, MONEY, LEARNING);

  private static final Ages NONE = Ages.NONE;

  static final List<Kind> KINDS = List.of(
      new Kind(FOOD, "food-bank", "Food bank",
          "Emergency food parcels for people who cannot afford to buy food.",
          List.of("Food Bank", "Community Food Bank", "Food Pantry"),
          List.of("Gives out emergency food parcels to people who are struggling to afford food.",
              "A voucher from a referral agency is usually needed, but call us if you do not have one.",
              "Each parcel holds at least three days of balanced meals."),
          List.of(NONE), Timing.MORNING, 0.1, prices("3.50", "5.00"), "Per visit"),
      new Kind(FOOD, "community-meals", "Community meals",
          "Shared hot meals served at low or no cost in a community setting.",
          List.of("Community Kitchen", "Community Meal", "Supper Club"),
          List.of("Serves a hot two-course meal in a friendly setting.",
              "Nobody is turned away for being unable to pay.",
              "Vegetarian and halal options are available on request."),
          List.of(NONE), Timing.LUNCH, 0.5, prices("2.00", "3.00", "4.00"), "Suggested donation"),
      new Kind(FOOD, "baby-bank", "Baby bank",
          "Free nappies, clothes, prams and other baby equipment for families in need.",
          List.of("Baby Bank", "Baby Basics"),
          List.of("Provides free clothing, nappies and equipment for babies and young children.",
              "Items are donated by local families and checked by our volunteers.",
              "Referrals come from midwives, health visitors and social workers."),
          List.of(NONE, new Ages(0, 5)), Timing.MORNING, 0.0, List.of(), "Free"),
      new Kind(FOOD, "clothing-and-furniture", "Clothing and furniture",
          "Donated clothing and household furniture for people setting up or keeping a home.",
          List.of("Furniture Project", "Clothing Bank", "Community Shop"),
          List.of("Offers donated clothing, bedding and furniture to people setting up a new home.",
              "Delivery can be arranged for larger items.",
              "Donations of clean clothes and furniture in good condition are welcome."),
          List.of(NONE), Timing.DAYTIME, 0.4, prices("5.00", "10.00", "25.00"), "Per furniture item"),
      new Kind(FAMILY, "family-hub", "Family hub",
          "A single place for families with children and young people to get help and advice.",
          List.of("Family Hub", "Family Centre"),
          List.of("Brings together help for families with children from pregnancy to age 19.",
              "Drop in to talk to a family support worker, midwife or health visitor.",
              "Information about childcare, money and local activities is available."),
          List.of(new Ages(0, 19), new Ages(0, 5), new Ages(0, 25)), Timing.OFFICE, 0.0, List.of(), "Free"),
      new Kind(FAMILY, "parenting-course", "Parenting course",
          "Group courses that help parents and carers with everyday family life.",
          List.of("Parenting Programme", "Parenting Group", "Positive Parenting Course"),
          List.of("A course for parents and carers covering routines, behaviour and communication.",
              "Sessions run in small groups with trained facilitators.",
              "A creche is available for younger children while you take part."),
          List.of(new Ages(16, -1), NONE), Timing.MORNING, 0.1, prices("15.00"), "Per course"),
      new Kind(FAMILY, "stay-and-play", "Stay and play",
          "Play sessions for babies and young children with their parents or carers.",
          List.of("Stay and Play", "Toddler Group", "Baby and Toddler Play"),
          List.of("Relaxed play sessions for babies, toddlers and their parents or carers.",
              "Sessions include messy play, songs and stories.",
              "A good way to meet other families in the area."),
          List.of(new Ages(0, 4), new Ages(0, 5)), Timing.MORNING, 0.4, prices("1.00", "2.00"), "Per family"),
      new Kind(HEALTH, "mental-health-support", "Mental health support",
          "Talking support, peer groups and wellbeing sessions for adults.",
          List.of("Wellbeing Hub", "Mental Health Support Group", "Wellbeing Cafe"),
          List.of("Offers a listening ear and practical support for adults who are finding life hard.",
              "Peer support groups meet in a safe and confidential space.",
              "No referral is needed and you can come on your own or with a friend."),
          List.of(new Ages(18, -1), new Ages(16, -1), NONE), Timing.DAYTIME, 0.0, List.of(), "Free"),
      new Kind(HEALTH, "exercise-class", "Exercise class",
          "Gentle and low-cost physical activity groups.",
          List.of("Chair Exercise Class", "Get Active Class", "Community Fitness"),
          List.of("Low-impact exercise classes to improve strength, balance and mobility.",
              "Classes suit all fitness levels, including people with long-term conditions.",
              "Wear comfortable clothes and bring a bottle of water."),
          List.of(new Ages(50, -1), NONE, new Ages(18, -1)), Timing.MORNING, 0.7, prices("2.00", "3.00", "4.50"),
          "Per class"),
      new Kind(HEALTH, "stop-smoking", "Stop smoking support",
          "One-to-one and group support to help people quit smoking.",
          List.of("Stop Smoking Service", "Quit Smoking Clinic"),
          List.of("Support to help you stop smoking, with advice from a trained adviser.",
              "Nicotine replacement products can be provided.",
              "Appointments are available in person or by phone."),
          List.of(new Ages(12, -1), new Ages(18, -1), NONE), Timing.OFFICE, 0.0, List.of(), "Free"),
      new Kind(HEALTH, "health-walk", "Health walk",
          "Short led walks to help people get active and meet others.",
          List.of("Health Walks", "Walking Group"),
          List.of("Short, friendly led walks on flat routes around the local area.",
              "Walks last about an hour and finish with an optional cup of tea.",
              "Trained volunteer walk leaders lead every walk."),
          List.of(NONE, new Ages(18, -1)), Timing.MORNING, 0.0, List.of(), "Free"),
      new Kind(YOUNG, "youth-club", "Youth club",
          "Evening clubs where young people meet, play and try new activities.",
          List.of("Youth Club", "Youth Project", "Young People's Club"),
          List.of("A safe place for young people to meet friends, play games and try new activities.",
              "Youth workers are on hand for a chat and advice.",
              "Activities include sport, music, cooking and trips."),
          List.of(new Ages(11, 18), new Ages(13, 19), new Ages(11, 16)), Timing.EVENING, 0.5,
          prices("0.50", "1.00", "2.00"), "Per session"),
      new Kind(YOUNG, "homework-club", "Homework club",
          "After-school help for children doing their homework.",
          List.of("Homework Club", "After School Study Club"),
          List.of("A quiet space and support for children to complete their homework after school.",
              "Volunteers help with reading, maths and computer work.",
              "Healthy snacks are provided."),
          List.of(new Ages(7, 16), new Ages(8, 14), new Ages(11, 16)), Timing.AFTER_SCHOOL, 0.0, List.of(), "Free"),
      new Kind(YOUNG, "mentoring", "Mentoring",
          "One-to-one support for young people from a trained volunteer.",
          List.of("Mentoring Scheme", "Youth Mentoring Project"),
          List.of("Matches young people with a trained volunteer mentor for regular meetings.",
              "Mentors help with confidence, school and planning for the future.",
              "Young people can refer themselves or be referred by a school or youth worker."),
          List.of(new Ages(11, 25), new Ages(14, 21)), Timing.AFTER_SCHOOL, 0.0, List.of(), "Free"),
      new Kind(OLDER, "day-centre", "Day centre",
          "Day care with activities, meals and company for older people.",
          List.of("Day Centre", "Day Care Centre"),
          List.of("A day centre for older people offering activities, a hot lunch and company.",
              "Transport to and from the centre can be arranged.",
              "Staff can support people living with dementia."),
          List.of(new Ages(65, -1), new Ages(60, -1), new Ages(55, -1)), Timing.DAYTIME, 0.8,
          prices("12.00", "18.50", "25.00"), "Per day"),
      new Kind(OLDER, "lunch-club", "Lunch club",
          "Regular shared lunches for older people.",
          List.of("Lunch Club", "Friendship Lunch"),
          List.of("A lunch club serving a freshly cooked meal for older people.",
              "A chance to meet new people and enjoy a chat over lunch.",
              "Special diets can be catered for with notice."),
          List.of(new Ages(60, -1), new Ages(65, -1)), Timing.LUNCH, 0.8, prices("3.50", "4.00", "5.00"),
          "Per meal"),
      new Kind(OLDER, "befriending", "Befriending",
          "Regular visits or calls from a volunteer for people who feel lonely.",
          List.of("Befriending Service", "Good Neighbours Scheme", "Telephone Befriending"),
          List.of("Volunteers visit or phone older people who feel lonely or isolated.",
              "Visits usually take place once a week for about an hour.",
              "Every volunteer has had a background check and training."),
          List.of(new Ages(65, -1), new Ages(55, -1)), Timing.OFFICE, 0.0, List.of(), "Free"),
      new Kind(MONEY, "debt-advice", "Debt advice",
          "Confidential help for people struggling with debts and bills.",
          List.of("Debt Advice Service", "Money Advice Centre"),
          List.of("Free, confidential advice for people struggling with debts and bills.",
              "Advisers can help you make a budget and talk to the people you owe.",
              "Appointments are available face to face, by phone or online."),
          List.of(new Ages(18, -1), NONE), Timing.OFFICE, 0.0, List.of(), "Free"),
      new Kind(MONEY, "benefits-advice", "Benefits advice",
          "Help to check entitlement to benefits and to claim them.",
          List.of("Benefits Advice", "Welfare Rights Service"),
          List.of("Helps people check which benefits they can claim and fill in the forms.",
              "Support with appeals and reconsiderations is available.",
              "Bring any letters you have received about your claim."),
          List.of(NONE, new Ages(16, -1)), Timing.OFFICE, 0.0, List.of(), "Free"),
      new Kind(MONEY, "housing-advice", "Housing advice",
          "Advice for people who are homeless or at risk of losing their home.",
          List.of("Housing Advice Service", "Housing Support Drop-in"),
          List.of("Advice for people who are homeless or at risk of losing their home.",
              "Help with tenancy problems, repairs, rent arrears and finding somewhere to live.",
              "Urgent cases are seen on the same day where possible."),
          List.of(NONE, new Ages(16, -1), new Ages(18, -1)), Timing.OFFICE, 0.0, List.of(), "Free"),
      new Kind(LEARNING, "english-classes", "English language classes",
          "English classes for adults whose first language is not English.",
          List.of("English Classes", "English Conversation Club"),
          List.of("English classes for adults whose first language is not English.",
              "Classes are available from beginner to higher levels.",
              "Free childcare may be available while you attend."),
          List.of(new Ages(16, -1), new Ages(19, -1)), Timing.MORNING, 0.3, prices("25.00", "40.00"), "Per term"),
      new Kind(LEARNING, "digital-skills", "Digital skills",
          "Help to get online and use computers, tablets and phones.",
          List.of("Digital Drop-in", "Get Online Sessions", "Computer Club"),
          List.of("Friendly help to get online and use a computer, tablet or smartphone.",
              "Learn to send emails, shop safely online and use video calls.",
              "Devices can be borrowed during the session."),
          List.of(NONE, new Ages(18, -1)), Timing.DAYTIME, 0.0, List.of(), "Free"),
      new Kind(LEARNING, "job-club", "Job club",
          "Support for people looking for work.",
          List.of("Job Club", "Employment Support Hub", "Work Club"),
          List.of("Support with job searching, CVs, application forms and interview practice.",
              "Computers and printers are available for job searches.",
              "Work coaches can tell you about local training and volunteering."),
          List.of(new Ages(16, -1), new Ages(18, -1)), Timing.MORNING, 0.0, List.of(), "Free"));

  private SampleVocabulary() {
  }

  /** The service types of one category. */
  static List<Kind> kindsOf(Category category) {
    List<Kind> kinds = new ArrayList<>();
    for (Kind kind : KINDS) {
      if (kind.category() == category) {
        kinds.add(kind);
      }
    }
    return Collections.unmodifiableList(kinds);
  }

  /** A fresh term for a category (the model classes are mutable, so every caller gets its own). */
  static TaxonomyTerm term(Category category) {
    return new TaxonomyTerm()
        .id(category.id())
        .name(category.name())
        .description(category.description())
        .taxonomy(TAXONOMY_NAME)
        .taxonomyId(TAXONOMY_ID)
        .term(category.name());
  }

  /** A fresh term for a service type, with its category as parent. */
  static TaxonomyTerm term(Kind kind) {
    return new TaxonomyTerm()
        .id(kind.id())
        .name(kind.name())
        .description(kind.description())
        .parentId(kind.category().id())
        .taxonomy(TAXONOMY_NAME)
        .taxonomyId(TAXONOMY_ID)
        .term(kind.name());
  }

  /** The whole vocabulary as an ORUK taxonomy: each category followed by its service types. */
  static Taxonomy taxonomy() {
    Taxonomy taxonomy = new Taxonomy()
        .id(TAXONOMY_ID)
        .name(TAXONOMY_NAME)
        .description("A small sample vocabulary of service types written by the oruk-java project for"
            + " generated test data. It is not an official or recommended list.")
        .version("1");
    for (Category category : CATEGORIES) {
      taxonomy.addTaxonomyTermsItem(term(category));
      for (Kind kind : kindsOf(category)) {
        taxonomy.addTaxonomyTermsItem(term(kind));
      }
    }
    return taxonomy;
  }

  /** Stable name-based id for a term code. */
  static String nameId(String code) {
    return UUID.nameUUIDFromBytes((ID_PREFIX + code).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static List<BigDecimal> prices(String... amounts) {
    List<BigDecimal> list = new ArrayList<>(amounts.length);
    for (String amount : amounts) {
      list.add(new BigDecimal(amount));
    }
    return List.copyOf(list);
  }
}
